#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import MIME

/// Peak resident memory of parsing one message, measured in a fresh child process so
/// nothing earlier in the run (the corpora, other engines) inflates it.
///
/// The child reports its own `VmHWM` (the high-water mark of its address space, from
/// /proc/self/status). `getrusage(RUSAGE_CHILDREN)` / `wait4` cannot be used: Linux carries
/// the parent's high-water mark into `ru_maxrss` across fork and exec, so every child of a
/// 95 MB benchmark process reported 95 MB (seen on the first run).
enum MemoryProbe {
    /// Runs `arguments` and returns the `peak_rss_bytes N` it prints, or nil if it failed.
    static func peakRSS(of arguments: [String]) -> Int? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        let output = Pipe()
        process.standardOutput = output
        guard (try? process.run()) != nil else { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let line = String(decoding: data, as: UTF8.self).split(separator: "\n").last { $0.hasPrefix("peak_rss_bytes ") }
        return line.flatMap { Int($0.dropFirst("peak_rss_bytes ".count)) }
    }

    /// The child side: read the file into one array (no intermediate copy), parse it, touch
    /// the results (with `.parseAndDecode`, decode every attachment, one at a time), and
    /// print the peak RSS.
    static func runChild(path: String, mode: EngineRunner.Mode) -> Int32 {
        guard let bytes = readWholeFile(path) else { return 2 }
        let message = MIMEMessage.parse(bytes)
        let touched = EngineRunner.touch(message, mode: mode) + message.forwarded.count
        print("parsed \(bytes.count) bytes, touched \(touched)")
        withExtendedLifetime(bytes) {}
        print("peak_rss_bytes \(highWaterMark())")
        return 0
    }

    /// `VmHWM` of this process in bytes (0 when /proc is not there).
    static func highWaterMark() -> Int {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
        let kilobytes = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
        return kilobytes * 1024
    }

    static func readWholeFile(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        let size = Int(info.st_size)
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var offset = 0
            while offset < size {
                let got = read(descriptor, buffer.baseAddress! + offset, size - offset)
                if got <= 0 { failed = true; break }
                offset += got
            }
            count = offset
        }
        return failed ? nil : bytes
    }
}
