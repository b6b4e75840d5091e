import ArgumentParser
import Foundation
import LibvirtAdapter
import Localization
import Synchronization

/// `reconcile console VM`: the serial console through libvirt, or where the VNC display listens.
struct ConsoleCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "console",
            abstract: Localizer.current.text("help.console.abstract"),
            discussion: """
                The console is libvirt's own stream, so it works to remote hypervisors too. Press Enter \
                to see a login prompt. With input from a pipe, the console stays attached after the input \
                ends, until the guest closes it, Ctrl-] or a signal (use `timeout`).

                Examples:
                  reconcile console web -f manifests/
                  reconcile console web -f manifests/ --vnc
                """)
    }

    @Argument(help: "Virtual machine name.")
    var vm: String

    @OptionGroup var target: GuestTargetOptions

    @Flag(help: "Print the VNC display's host:port instead of attaching to the serial console.")
    var vnc = false

    @Flag(help: "Take the console over from another client holding it.")
    var takeOver = false

    /// Ctrl-]: the escape telnet, virsh and QEMU's monitor use.
    static let escape: UInt8 = 0x1d

    func run() async throws {
        let stream: ConsoleStream = try await GuestTargetOptions.run {
            guard case let (vm, control, hypervisor)? = try await target.control(for: [vm]).first else { throw ExitCode.failure }
            _ = try await control.domain(named: vm)
            let consoles = try await hypervisor.consoles(domain: vm)
            if vnc || !consoles.serial {
                guard let display = consoles.vnc else {
                    throw ValidationError(consoles.serial ? Localizer.current.text("cli.console.noVNC", ["vm": vm]) : Localizer.current.text("cli.console.noConsole", ["vm": vm]))
                }
                let host = URLComponents(string: hypervisor.uri)?.host.flatMap { $0.isEmpty ? nil : $0 }
                let address = "\(display.listen):\(display.port)"
                Terminal.write(address + "\n")
                Terminal.error(host.map {
                    Localizer.current.text("cli.console.vncRemote", [
                        "vm": vm, "address": address, "host": $0, "listen": display.listen,
                        "command": "ssh -L \(display.port):\(display.listen):\(display.port) \($0)",
                    ])
                } ?? Localizer.current.text("cli.console.vnc", ["vm": vm, "address": address]))
                throw ExitCode.success
            }
            let stream = try await hypervisor.openConsole(domain: vm, force: takeOver)
            Terminal.error(Localizer.current.text("cli.console.attached", ["vm": vm, "uri": hypervisor.uri]))
            return stream
        }
        let terminal = RawTerminal()
        let reason = await Self.relay(stream)
        terminal.restore()
        stream.close()
        // The guest's last line may lack its line break; in raw mode "\n" alone would not return the cursor.
        Terminal.writeStandardError("\r\n")
        Terminal.error(Localizer.current.text("cli.console.left", ["vm": vm, "reason": reason]))
    }

    /// Copies the guest's output to stdout and stdin to the guest, each on its own thread (both block),
    /// until Ctrl-], the stream's end or an error; returns why it ended.
    static func relay(_ stream: ConsoleStream) async -> String {
        await withCheckedContinuation { (continuation: CheckedContinuation<String, Never>) in
            let finished = Mutex(false)
            let finish: @Sendable (String) -> Void = { reason in
                let first = finished.withLock { done in
                    defer { done = true }
                    return !done
                }
                if first { continuation.resume(returning: reason) }
            }
            Thread.detachNewThread {
                var buffer = [UInt8](repeating: 0, count: 4096)
                while true {
                    do {
                        let count = try buffer.withUnsafeMutableBytes { try stream.receive(into: $0) }
                        if count == 0 { return finish(Localizer.current.text("cli.console.closed")) }
                        _ = buffer.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, count) }
                    } catch {
                        return finish("\(error)")
                    }
                }
            }
            Thread.detachNewThread {
                var buffer = [UInt8](repeating: 0, count: 1024)
                while true {
                    let count = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
                    // End of input: keep showing the guest's output until it or the user ends the session.
                    if count <= 0 { return }
                    var bytes = Array(buffer[0..<count])
                    let escaped = bytes.firstIndex(of: escape)
                    if let escaped { bytes = Array(bytes[..<escaped]) }
                    do {
                        if !bytes.isEmpty { try bytes.withUnsafeBytes { try stream.send($0) } }
                    } catch {
                        return finish("\(error)")
                    }
                    if escaped != nil { return finish("Ctrl-]") }
                }
            }
        }
    }
}
