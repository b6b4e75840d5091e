import Foundation

/// A small HTTP server on 127.0.0.1 for download tests, written in Python because
/// `http.server` alone cannot answer Range requests. Paths:
/// `/FILE` honours `Range: bytes=N-`, `/norange/FILE` ignores Range,
/// `/nolength/FILE` sends no Content-Length. Every request is logged.
struct TestHTTPServer {
    let process: BackgroundProcess
    let port: Int
    let root: URL
    let requestLog: URL

    static let script = #"""
import http.server, os, sys

root, port, log = sys.argv[1], int(sys.argv[2]), sys.argv[3]

class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        path = self.path.lstrip("/")
        mode = "range"
        for prefix in ("norange/", "nolength/"):
            if path.startswith(prefix):
                mode, path = prefix[:-1], path[len(prefix):]
        rng = self.headers.get("Range", "")
        with open(log, "a") as f:
            f.write("GET /%s mode=%s range=%s\n" % (path, mode, rng or "-"))
        full = os.path.join(root, path)
        if not os.path.isfile(full):
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        data = open(full, "rb").read()
        if mode == "range" and rng.startswith("bytes=") and rng.endswith("-"):
            start = int(rng[6:-1])
            if start >= len(data):
                self.send_response(416)
                self.send_header("Content-Range", "bytes */%d" % len(data))
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(206)
            self.send_header("Content-Range", "bytes %d-%d/%d" % (start, len(data) - 1, len(data)))
            body = data[start:]
        else:
            self.send_response(200)
            body = data
        if mode == "nolength":
            self.send_header("Connection", "close")
            self.close_connection = True
        else:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
"""#

    static func start(serving root: URL, scratch: TemporaryDirectory) async throws -> TestHTTPServer {
        let scriptFile = scratch.file("server.py")
        try script.write(to: scriptFile, atomically: true, encoding: .utf8)
        let requestLog = scratch.file("requests.log")
        _ = FileManager.default.createFile(atPath: requestLog.path, contents: nil)
        let port = try FreePort.find()
        let process = try await BackgroundProcess.start(
            ["/usr/bin/python3", scriptFile.path, root.path, String(port), requestLog.path],
            logFile: scratch.file("server.out")
        )
        let server = TestHTTPServer(process: process, port: port, root: root, requestLog: requestLog)
        try await server.waitUntilListening()
        return server
    }

    func url(_ path: String) -> URL {
        URL(string: "http://127.0.0.1:\(port)/\(path)")!
    }

    /// Request lines, one per GET, e.g. `GET /a.img mode=range range=bytes=10-`.
    func requests() -> [String] {
        let text = (try? String(contentsOf: requestLog, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map(String.init)
    }

    func stop() async { await process.stop() }

    private func waitUntilListening() async throws {
        for _ in 0..<100 {
            if connects() { return }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        await process.stop()
        throw POSIXError(.ECONNREFUSED)
    }

    private func connects() -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }
}
