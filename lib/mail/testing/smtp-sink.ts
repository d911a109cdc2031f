// A minimal SMTP server for tests: speaks just enough RFC 5321 (EHLO/HELO, MAIL, RCPT, DATA, QUIT,
// RSET, NOOP) to accept messages on loopback and keep them for assertions.
import net from "node:net";

export interface ReceivedMail {
  from: string;
  to: string[];
  data: string;
}

export interface SmtpSink {
  url: string;
  messages: ReceivedMail[];
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: ReceivedMail[] = [];
  const server = net.createServer((socket) => {
    let buffer = "";
    let current: ReceivedMail = { from: "", to: [], data: "" };
    let inData = false;
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply("220 genuine-test-smtp ready");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      let index: number;
      while ((index = buffer.indexOf("\r\n")) >= 0) {
        const line = buffer.slice(0, index);
        buffer = buffer.slice(index + 2);
        if (inData) {
          if (line === ".") {
            inData = false;
            messages.push(current);
            current = { from: "", to: [], data: "" };
            reply("250 OK: queued");
          } else {
            current.data += (line.startsWith("..") ? line.slice(1) : line) + "\n";
          }
          continue;
        }
        const command = line.slice(0, 4).toUpperCase();
        switch (command) {
          case "EHLO":
            socket.write("250-genuine-test-smtp\r\n250 8BITMIME\r\n");
            break;
          case "HELO":
            reply("250 genuine-test-smtp");
            break;
          case "MAIL":
            current.from = line.slice(10).replace(/[<>]/g, "").trim();
            reply("250 OK");
            break;
          case "RCPT":
            current.to.push(line.slice(8).replace(/[<>]/g, "").trim());
            reply("250 OK");
            break;
          case "DATA":
            inData = true;
            reply("354 End data with <CR><LF>.<CR><LF>");
            break;
          case "QUIT":
            reply("221 Bye");
            socket.end();
            break;
          case "RSET":
          case "NOOP":
            reply("250 OK");
            break;
          default:
            reply("502 Command not implemented");
        }
      }
    });
    socket.on("error", () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
