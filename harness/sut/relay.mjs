// Runs as the SUT container's main process, under Docker's init (root, NET_ADMIN, no network but loopback), with the
// SUT image's own Node. It carries every connection's bytes, unchanged, over a unix socket to
// the edge in the harness process. DNS questions go the same way, framed as DNS over TCP.
// Plain JavaScript: it is copied into the container as is, with no dependencies.
import { execFileSync } from "node:child_process";
import { createSocket } from "node:dgram";
import { connect, createServer } from "node:net";

const config = JSON.parse(process.argv[2]);
const socketPath = (name) => `${config.socketDir}/${name}`;

// Every IPv4 address is local to this namespace (there is no other interface, so nothing can
// leave). The upstreams' public-looking addresses need no setup of their own, and a connection
// to an address we do not serve reaches the listener on its port, which reports it, instead of
// failing unseen with ENETUNREACH.
execFileSync("ip", ["route", "add", "local", "0.0.0.0/0", "dev", "lo"]);

const served = new Map(config.listeners.map(({ address, port, socket }) => [`${address}:${port}`, socket]));

const pipeTo = (client, name) => {
  const upstream = connect(socketPath(name));
  client.pipe(upstream).pipe(client);
  const close = () => { client.destroy(); upstream.destroy(); };
  client.on("error", close);
  upstream.on("error", close);
};

const reportAndReset = (client) => {
  const report = connect(socketPath(config.unservedSocket));
  report.on("error", () => report.destroy());
  report.end(`${JSON.stringify({ address: client.localAddress, port: client.localPort })}\n`);
  client.resetAndDestroy();
};

// One listener per port on every address; the address the client dialled picks the upstream.
const ports = new Set([...config.listeners.map(({ port }) => port), ...config.catchAllPorts]);
const listening = [...ports].map(
  (port) =>
    new Promise((resolve) =>
      createServer((client) => {
        const name = served.get(`${client.localAddress}:${client.localPort}`);
        if (name) pipeTo(client, name);
        else reportAndReset(client);
      }).listen(port, "0.0.0.0", resolve),
    ),
);

// The resolver's own address only: a reply from a socket bound to every address would carry
// whichever source the kernel picks, and resolvers drop replies from an address they did not ask.
const dns = createSocket("udp4");
dns.on("message", (message, peer) => {
  const upstream = connect(socketPath(config.dns.socket));
  const length = Buffer.alloc(2);
  length.writeUInt16BE(message.length);
  upstream.end(Buffer.concat([length, message]));
  let reply = Buffer.alloc(0);
  upstream.on("data", (chunk) => {
    reply = Buffer.concat([reply, chunk]);
    if (reply.length >= 2 && reply.length >= 2 + reply.readUInt16BE(0)) {
      dns.send(reply.subarray(2, 2 + reply.readUInt16BE(0)), peer.port, peer.address);
      upstream.destroy();
    }
  });
  upstream.on("error", () => upstream.destroy());
});
listening.push(new Promise((resolve) => dns.bind(53, config.dns.address, resolve)));

await Promise.all(listening);
console.log("relay ready");
process.on("SIGTERM", () => process.exit(0));
