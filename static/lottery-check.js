// The lottery page's "check the draw here" button: recomputes the published draw in the browser, with WebCrypto's
// SHA-256 and HMAC, exactly as `npm run lottery:verify` does (src/lottery/draw.policy.ts and export.ts, algorithm
// version 1; a test runs this file under Node's WebCrypto against the CLI's verifyExport on the same exports).
// Without JavaScript, or without WebCrypto (a page not served over HTTPS), the page shows the CLI command instead.
'use strict';
(function (root) {
  var encoder = new TextEncoder();

  function hexToBytes(hex) {
    var bytes = new Uint8Array(hex.length / 2);
    for (var i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.substr(i * 2, 2), 16);
    return bytes;
  }

  function bytesToHex(buffer) {
    var bytes = new Uint8Array(buffer);
    var out = '';
    for (var i = 0; i < bytes.length; i++) out += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
    return out;
  }

  function concat(parts) {
    var length = parts.reduce(function (sum, part) { return sum + part.length; }, 0);
    var out = new Uint8Array(length);
    var offset = 0;
    parts.forEach(function (part) {
      out.set(part, offset);
      offset += part.length;
    });
    return out;
  }

  async function sha256(subtle, bytes) {
    return new Uint8Array(await subtle.digest('SHA-256', bytes));
  }

  /** Trimmed, inner whitespace collapsed, Unicode NFC (normalisePublicValue). */
  function normalisePublicValue(value) {
    return value.normalize('NFC').trim().replace(/\s+/g, ' ');
  }

  /** HMAC-SHA-256(key, 8-byte big-endian counter) blocks read as big-endian uint32s (randomStream). */
  async function randomStream(subtle, keyBytes) {
    var key = await subtle.importKey('raw', keyBytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    var counter = 0;
    var block = new DataView(new ArrayBuffer(0));
    var offset = 0;
    async function nextUint32() {
      if (offset + 4 > block.byteLength) {
        var counterBytes = new DataView(new ArrayBuffer(8));
        counterBytes.setUint32(0, Math.floor(counter / 4294967296));
        counterBytes.setUint32(4, counter % 4294967296);
        counter += 1;
        block = new DataView(await subtle.sign('HMAC', key, counterBytes.buffer));
        offset = 0;
      }
      var value = block.getUint32(offset);
      offset += 4;
      return value;
    }
    return {
      below: async function (n) {
        var limit = Math.floor(4294967296 / n) * n;
        for (;;) {
          var value = await nextUint32();
          if (value < limit) return value % n;
        }
      },
    };
  }

  /** Fisher–Yates over the entry numbers in ascending order (shuffle). */
  async function shuffle(subtle, items, keyBytes) {
    var stream = await randomStream(subtle, keyBytes);
    var out = items.slice();
    for (var i = out.length - 1; i > 0; i--) {
      var j = await stream.below(i + 1);
      var swap = out[i];
      out[i] = out[j];
      out[j] = swap;
    }
    return out;
  }

  function slotsOverlap(a, b) {
    return a.weekday === b.weekday && a.startsAt < b.endsAt && b.startsAt < a.endsAt;
  }

  /** Random serial dictatorship in rounds, then waitlists in draw order (allocate). */
  function allocate(offerings, entries, order) {
    var byCode = new Map(offerings.map(function (offering) { return [offering.code, offering]; }));
    var left = new Map(offerings.map(function (offering) { return [offering.code, offering.seats]; }));
    var byEntry = new Map(entries.map(function (entry) { return [entry.entry, entry]; }));
    var state = new Map(entries.map(function (entry) {
      return [entry.entry, { remaining: entry.choices.filter(function (code) { return byCode.has(code); }), got: [], busy: entry.busy.slice() }];
    }));
    var seats = {};
    var waitlists = {};
    offerings.forEach(function (offering) {
      seats[offering.code] = [];
      waitlists[offering.code] = [];
    });
    function clashes(busy, code) {
      return byCode.get(code).slots.some(function (slot) { return busy.some(function (taken) { return slotsOverlap(taken, slot); }); });
    }
    for (var allocated = true; allocated; ) {
      allocated = false;
      for (var i = 0; i < order.length; i++) {
        var entry = byEntry.get(order[i]);
        var child = state.get(order[i]);
        if (child.got.length >= entry.limit) continue;
        while (child.remaining.length > 0) {
          var code = child.remaining.shift();
          if (left.get(code) <= 0 || clashes(child.busy, code)) continue;
          left.set(code, left.get(code) - 1);
          child.got.push(code);
          child.busy.push.apply(child.busy, byCode.get(code).slots);
          seats[code].push(order[i]);
          allocated = true;
          break;
        }
      }
    }
    order.forEach(function (number) {
      var entry = byEntry.get(number);
      var child = state.get(number);
      var held = child.got.length;
      for (var k = 0; k < entry.choices.length; k++) {
        var code = entry.choices[k];
        if (held >= entry.limit) break;
        if (!byCode.has(code) || child.got.indexOf(code) >= 0 || clashes(child.busy, code)) continue;
        waitlists[code].push(number);
        child.busy.push.apply(child.busy, byCode.get(code).slots);
        held += 1;
      }
    });
    return { seats: seats, waitlists: waitlists };
  }

  /** Skipped entries leave every seat and waitlist; each seat they free goes to the waitlist's head (withoutSkipped). */
  function withoutSkipped(results, skipped) {
    if (skipped.length === 0) return results;
    var gone = new Set(skipped);
    var out = {};
    Object.keys(results).forEach(function (code) {
      var kept = results[code].seats.filter(function (entry) { return !gone.has(entry); });
      var waiting = results[code].waitlist.filter(function (entry) { return !gone.has(entry); });
      var promoted = waiting.splice(0, results[code].seats.length - kept.length);
      out[code] = { seats: kept.concat(promoted), waitlist: waiting };
    });
    return out;
  }

  /** Published results that break the frozen list's own rules (inconsistencies), as structured problems. */
  function inconsistencies(frozen, results, skipped) {
    var seatsOf = new Map(frozen.offerings.map(function (offering) { return [offering.code, offering.seats]; }));
    var known = new Set(frozen.entries.map(function (entry) { return entry.entry; }));
    var problems = [];
    Object.keys(results).forEach(function (code) {
      var seats = results[code].seats;
      var all = seats.concat(results[code].waitlist);
      if (!seatsOf.has(code)) problems.push({ kind: 'not-frozen', code: code });
      else if (seats.length > seatsOf.get(code)) problems.push({ kind: 'over-seats', code: code, seated: seats.length, seats: seatsOf.get(code) });
      if (new Set(all).size !== all.length) problems.push({ kind: 'twice', code: code });
      var unknown = all.filter(function (entry) { return !known.has(entry); });
      if (unknown.length > 0) problems.push({ kind: 'unknown', code: code, entries: unknown });
    });
    var unknownSkipped = skipped.filter(function (entry) { return !known.has(entry); });
    if (unknownSkipped.length > 0) problems.push({ kind: 'unknown-skipped', entries: unknownSkipped });
    return problems;
  }

  /**
   * The same verdict as verifyExport in src/lottery/export.ts: { ok: true, offerings } or { ok: false, problem, … }.
   * `subtle` is WebCrypto's SubtleCrypto (the browser's, or Node's in the test).
   */
  async function verify(exportText, seedText, subtle) {
    var published;
    var frozen;
    try {
      published = JSON.parse(exportText);
      frozen = JSON.parse(published.entries);
      if (published.format !== 'clubroll-lottery-export' || frozen.format !== 'clubroll-lottery-entries') return { ok: false, problem: 'format' };
    } catch (error) {
      return { ok: false, problem: 'format' };
    }
    var seed = String(seedText).trim().toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(seed)) return { ok: false, problem: 'commitment' };
    var seedBytes = hexToBytes(seed);
    if (bytesToHex(await sha256(subtle, seedBytes)) !== published.commitment || frozen.commitment !== published.commitment) return { ok: false, problem: 'commitment' };
    if (typeof published.entries !== 'string' || bytesToHex(await sha256(subtle, encoder.encode(published.entries))) !== published.entriesHash) return { ok: false, problem: 'entries_hash' };
    if (published.publicValue === null || published.results === null) return { ok: false, problem: 'not_drawn' };
    var skipped = published.skippedEntries === undefined ? [] : published.skippedEntries;
    if (!Array.isArray(skipped) || !skipped.every(function (entry) { return Number.isInteger(entry); })) return { ok: false, problem: 'format' };
    var problems = inconsistencies(frozen, published.results, skipped);
    if (problems.length > 0) return { ok: false, problem: 'inconsistent', inconsistencies: problems };

    var key = await sha256(subtle, concat([seedBytes, hexToBytes(published.entriesHash), encoder.encode(normalisePublicValue(published.publicValue))]));
    var sorted = frozen.entries.map(function (entry) { return entry.entry; }).sort(function (a, b) { return a - b; });
    var order = await shuffle(subtle, sorted, key);
    var allocation = allocate(frozen.offerings, frozen.entries, order);
    var computed = {};
    Object.keys(allocation.seats).sort().forEach(function (code) {
      computed[code] = { seats: allocation.seats[code], waitlist: allocation.waitlists[code] || [] };
    });
    var expected = withoutSkipped(computed, skipped);
    var codes = Array.from(new Set(Object.keys(expected).concat(Object.keys(published.results)))).sort();
    var titles = new Map(frozen.offerings.map(function (offering) { return [offering.code, offering.title]; }));
    var offerings = codes.map(function (code) {
      var mine = expected[code] || { seats: [], waitlist: [] };
      var theirs = published.results[code] || null;
      var matches = theirs !== null && JSON.stringify(mine) === JSON.stringify({ seats: theirs.seats, waitlist: theirs.waitlist });
      return { code: code, title: titles.get(code) || code, matches: matches, expected: mine, published: theirs };
    });
    var all = offerings.every(function (offering) { return offering.matches; });
    return all ? { ok: true, offerings: offerings, order: order } : { ok: false, problem: 'mismatch', offerings: offerings };
  }

  root.ClubrollLotteryCheck = { verify: verify };

  if (typeof document === 'undefined') return;

  // The page: messages come translated in the box's data-t-* attributes ({name} placeholders), never from here.
  function fill(template, values) {
    return String(template || '').replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  function show(box, verdict) {
    var t = function (name, values) { return fill(box.getAttribute('data-t-' + name), values || {}); };
    var out = box.querySelector('.lottery-check__result');
    var none = t('none');
    var numbers = function (entries) { return entries && entries.length > 0 ? entries.join(', ') : none; };
    // What does not match is listed in the open; the courses that match fold away (a school has dozens).
    var bad = document.createElement('ul');
    bad.className = 'lottery-check__lines';
    var good = document.createElement('ul');
    good.className = 'lottery-check__lines';
    var line = function (list, text, ok) {
      var item = document.createElement('li');
      item.className = ok ? 'lottery-check__line lottery-check__line--ok' : 'lottery-check__line lottery-check__line--bad';
      item.textContent = (ok ? '✓ ' : '✗ ') + text;
      list.appendChild(item);
    };
    var summary = document.createElement('p');
    summary.className = verdict.ok ? 'lottery-check__summary lottery-check__summary--ok' : 'lottery-check__summary lottery-check__summary--bad';
    summary.textContent = verdict.ok ? t('matches', { count: verdict.offerings.length }) : t('problem-' + verdict.problem.replace('_', '-'));
    (verdict.inconsistencies || []).forEach(function (problem) {
      line(bad, t('inconsistent-' + problem.kind, { code: problem.code, seated: problem.seated, seats: problem.seats, entries: numbers(problem.entries) }), false);
    });
    (verdict.offerings || []).forEach(function (offering) {
      if (offering.matches) line(good, t('offering-matches', { title: offering.title, code: offering.code }), true);
      else {
        line(
          bad,
          t('offering-differs', {
            title: offering.title,
            code: offering.code,
            publishedSeats: numbers(offering.published && offering.published.seats),
            publishedWaitlist: numbers(offering.published && offering.published.waitlist),
            seats: numbers(offering.expected.seats),
            waitlist: numbers(offering.expected.waitlist),
          }),
          false,
        );
      }
    });
    out.textContent = '';
    out.appendChild(summary);
    if (bad.childNodes.length > 0) out.appendChild(bad);
    if (good.childNodes.length > 0) {
      var fold = document.createElement('details');
      fold.className = 'lottery-check__fold';
      var label = document.createElement('summary');
      label.textContent = t('each-course', { count: good.childNodes.length });
      fold.appendChild(label);
      fold.appendChild(good);
      out.appendChild(fold);
    }
  }

  function message(box, name) {
    var out = box.querySelector('.lottery-check__result');
    out.textContent = '';
    var paragraph = document.createElement('p');
    paragraph.className = 'lottery-check__summary lottery-check__summary--bad';
    paragraph.textContent = box.getAttribute('data-t-' + name) || '';
    out.appendChild(paragraph);
  }

  function wire(box) {
    var button = box.querySelector('.lottery-check__run');
    if (!button) return;
    var subtle = window.crypto && window.crypto.subtle;
    if (!subtle) return; // not a secure context: the command-line way below stays the way to check
    button.hidden = false;
    var seedField = box.querySelector('.lottery-check__seed');
    button.addEventListener('click', async function () {
      button.disabled = true;
      message(box, 'working');
      try {
        var response = await fetch(box.getAttribute('data-export'), { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
        if (!response.ok) throw new Error('status ' + response.status);
        var text = await response.text();
        var seed = seedField ? seedField.value : '';
        show(box, await verify(text, seed, subtle));
      } catch (error) {
        message(box, 'failed');
      } finally {
        button.disabled = false;
      }
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll('.lottery-check[data-export]'), wire);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})(typeof window !== 'undefined' ? window : globalThis);
