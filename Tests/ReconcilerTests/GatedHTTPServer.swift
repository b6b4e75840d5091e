import Foundation

/// An HTTP server on 127.0.0.1 that sends half of one file, then holds the rest back until the test
/// releases it: a download step that runs exactly as long as the test wants. Written in Python (as
/// the provisioning tests' server is); it picks its own port and reports it in a file.
struct GatedHTTPServer {
    let process: Process
    let port: Int
    let directory: URL

    static let script = #"""
import http.server, os, sys, time
body = open(sys.argv[1], "rb").read()
directory = sys.argv[2]

class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        open(os.path.join(directory, "requested"), "a").write(self.path + "\n")
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body[: len(body) // 2])
        self.wfile.flush()
        deadline = time.time() + 60
        while not os.path.exists(os.path.join(directory, "release")) and time.time() < deadline:
            time.sleep(0.05)
        self.wfile.write(body[len(body) // 2 :])

server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(os.path.join(directory, "port.tmp"), "w") as f:
    f.write(str(server.server_address[1]))
os.rename(os.path.join(directory, "port.tmp"), os.path.join(directory, "port"))
server.serve_forever()
"""#

    static func start(serving body: Data, in parent: URL) async throws -> GatedHTTPServer {
        let directory = parent.appendingPathComponent("http-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let bodyFile = directory.appendingPathComponent("body")
        try body.write(to: bodyFile)
        let scriptFile = directory.appendingPathComponent("server.py")
        try script.write(to: scriptFile, atomically: true, encoding: .utf8)
        let process = Process()
        // The system's python3 itself, not a PATH lookup: a version manager's shim may fork, and the
        // pid stop() signals would then not be the server's.
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [scriptFile.path, bodyFile.path, directory.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let portFile = directory.appendingPathComponent("port")
        for _ in 0..<200 {
            if let text = try? String(contentsOf: portFile, encoding: .utf8), let port = Int(text) {
                return GatedHTTPServer(process: process, port: port, directory: directory)
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        kill(process.processIdentifier, SIGKILL)
        throw CocoaError(.fileReadNoSuchFile)
    }

    var requested: Bool { FileManager.default.fileExists(atPath: directory.appendingPathComponent("requested").path) }

    func release() {
        _ = FileManager.default.createFile(atPath: directory.appendingPathComponent("release").path, contents: nil)
    }

    /// SIGKILL: the child inherits the test process's signal mask, in which SIGTERM may be blocked
    /// (the watch tests' service lifecycle), and a blocked SIGTERM would leave the server running.
    func stop() {
        release()
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}
