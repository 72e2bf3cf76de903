// The cold burst's floor below every server: a bare socket that answers each request at once with a fixed
// response, no HTTP parsing, no Node HTTP server. A burst against it measures what the load generator
// (autocannon, on the same two cores), the kernel's loopback and one accept a turn take by themselves.
// Usage: node dist/socket-floor.js   (prints "listening on <port>")
import { createServer } from 'node:net';

const ANSWER = 'HTTP/1.1 200 OK\r\ncontent-type: text/html; charset=UTF-8\r\ncontent-length: 9\r\n\r\nenrolled\n';

const server = createServer((socket) => {
  socket.on('error', () => {});
  // A request on loopback arrives in one read; the client closes the connection after its answer.
  socket.on('data', () => socket.write(ANSWER));
});
server.listen(0, '127.0.0.1', 2048, () => {
  const address = server.address();
  console.log(`listening on ${typeof address === 'object' && address ? address.port : 0}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
