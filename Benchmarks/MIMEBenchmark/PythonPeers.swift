import Foundation

/// The peers, Python's `email` package and the PyPI package `fast-mail-parser`, timed inside
/// a Python process over the same in-memory corpus and with the same loop as our engine:
/// passes over the corpus until at least `minimumSeconds`, repeated `trials` times.
enum PythonPeers {
    /// Engine names the script understands, with the label printed in the report.
    static let engines: [(name: String, label: String)] = [
        ("python-email", "python email (policy.default, bodies decoded)"),
        ("fast-mail-parser", "fast-mail-parser parse_email (full decode)"),
    ]

    /// Runs the script's `bench` mode; nil (with the reason printed) when Python or the
    /// package is missing, so the benchmark still reports our own figures.
    static func bench(python: String, script: String, pack: String, engine: String, minimumSeconds: Double, trials: Int) -> Measurement? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python, script, "bench", pack, engine, String(minimumSeconds), String(trials)]
        let output = Pipe()
        process.standardOutput = output
        do {
            try process.run()
        } catch {
            print("  \(engine): cannot start \(python): \(error)")
            return nil
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let trialList = object["trials"] as? [[String: Any]] else {
            print("  \(engine): failed (\(String(decoding: data, as: UTF8.self).prefix(300)))")
            return nil
        }
        let trials = trialList.map {
            Measurement.Trial(messages: $0["messages"] as? Int ?? 0, bytes: $0["bytes"] as? Int ?? 0, seconds: $0["seconds"] as? Double ?? 1)
        }
        return Measurement(trials: trials, failures: object["failures"] as? Int ?? 0)
    }

    /// Writes the script next to the corpus so the run needs no other file.
    static func writeScript(to path: String) throws {
        try source.write(toFile: path, atomically: true, encoding: .utf8)
    }

    static let source = #"""
    # Written by mime-bench; timing happens in here so process start-up and file reading
    # are excluded, like the Swift side.
    import json, struct, sys, time

    def load(path):
        data = open(path, "rb").read()
        messages, offset = [], 0
        while offset < len(data):
            (length,) = struct.unpack_from("<Q", data, offset)
            offset += 8
            messages.append(data[offset:offset + length])
            offset += length
        return messages

    def make(engine):
        if engine == "python-email":
            import email, email.policy
            policy = email.policy.default
            def parse(raw):
                message = email.message_from_bytes(raw, policy=policy)
                touched = len(str(message["subject"] or "")) + len(str(message["from"] or "")) + len(str(message["to"] or ""))
                for part in message.walk():
                    if part.is_multipart():
                        continue
                    if part.get_content_maintype() == "text":
                        try:
                            touched += len(part.get_content())
                        except Exception:
                            touched += len(part.get_payload(decode=True) or b"")
                    else:
                        touched += len(part.get_payload(decode=True) or b"")
                return touched
            return parse
        if engine == "fast-mail-parser":
            from fast_mail_parser import parse_email
            def parse(raw):
                mail = parse_email(raw)
                touched = len(mail.subject) + len(mail.to) + (1 if mail.from_ else 0)
                touched += sum(len(text) for text in mail.text_plain) + sum(len(html) for html in mail.text_html)
                touched += sum(len(attachment.content) for attachment in mail.attachments)
                return touched
            return parse
        raise SystemExit("unknown engine " + engine)

    def bench(path, engine, minimum, trials):
        messages = load(path)
        parse = make(engine)
        size = sum(len(m) for m in messages)
        results, failures = [], 0
        for _ in range(trials):
            passes = 0
            start = time.perf_counter()
            while True:
                for raw in messages:
                    try:
                        parse(raw)
                    except Exception:
                        if not results and passes == 0:
                            failures += 1
                passes += 1
                elapsed = time.perf_counter() - start
                if elapsed >= minimum:
                    break
            results.append({"messages": passes * len(messages), "bytes": passes * size, "seconds": elapsed})
        print(json.dumps({"engine": engine, "trials": results, "failures": failures}))

    def memory(path, engine):
        raw = open(path, "rb").read()
        make(engine)(raw)
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                print("peak_rss_bytes", int(line.split()[1]) * 1024)

    if sys.argv[1] == "bench":
        bench(sys.argv[2], sys.argv[3], float(sys.argv[4]), int(sys.argv[5]))
    else:
        memory(sys.argv[2], sys.argv[3])
    """#
}
