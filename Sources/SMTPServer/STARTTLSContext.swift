import Foundation
import NIOSSL
import Storage

/// The server side of STARTTLS: a certificate chain and key, loaded once and shared by
/// every session. TLS 1.2 is the minimum (swift-nio-ssl's server default is TLS 1.0).
public struct STARTTLSContext: Sendable {
    let context: NIOSSLContext

    /// Loads a PEM certificate chain and PEM private key.
    /// - Throws: ``STARTTLSSetupError`` naming the file that could not be used.
    public init(certificateChainFile: String, privateKeyFile: String) throws {
        let chain: [NIOSSLCertificate]
        do {
            chain = try NIOSSLCertificate.fromPEMFile(certificateChainFile)
        } catch {
            throw STARTTLSSetupError("cannot read a PEM certificate from \(certificateChainFile)")
        }
        guard !chain.isEmpty else { throw STARTTLSSetupError("no certificate in \(certificateChainFile)") }
        let key: NIOSSLPrivateKey
        do {
            key = try NIOSSLPrivateKey(file: privateKeyFile, format: .pem)
        } catch {
            throw STARTTLSSetupError("cannot read a PEM private key from \(privateKeyFile)")
        }
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        configuration.minimumTLSVersion = .tlsv12
        do {
            self.context = try NIOSSLContext(configuration: configuration)
        } catch {
            throw STARTTLSSetupError("the key in \(privateKeyFile) does not fit the certificate in \(certificateChainFile)")
        }
    }

    /// A self-signed certificate for local runs, made once with the `openssl` command in
    /// `directory` (`selfsigned-cert.pem`, `selfsigned-key.pem`) and reused afterwards.
    ///
    /// Real deployments configure a certificate; senders that verify certificates will not
    /// trust this one, but opportunistic STARTTLS (what MTAs do by default) still encrypts.
    /// - Returns: the certificate and key paths.
    /// - Throws: ``STARTTLSSetupError`` when the directory or `openssl` fails.
    public static func selfSignedFiles(in directory: String, hostname: String) async throws -> (certificate: String, key: String) {
        let dir = URL(fileURLWithPath: directory)
        let cert = dir.appendingPathComponent("selfsigned-cert.pem").path
        let key = dir.appendingPathComponent("selfsigned-key.pem").path
        let fm = FileManager.default
        if fm.fileExists(atPath: cert) && fm.fileExists(atPath: key) { return (cert, key) }
        do {
            try fm.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw STARTTLSSetupError("cannot create \(directory) for the self-signed certificate")
        }
        // Written under temporary names and renamed, so two gateways starting together
        // never read a half-written pair. The key is renamed first: its presence alone
        // does not count as a pair.
        let tag = UUID().uuidString
        let tmpCert = "\(cert).\(tag)", tmpKey = "\(key).\(tag)"
        defer {
            try? fm.removeItem(atPath: tmpCert)
            try? fm.removeItem(atPath: tmpKey)
        }
        let name = Self.certificateName(hostname)
        // P-256 rather than RSA: generated in milliseconds, accepted by every TLS 1.2+ client.
        // Run through the project's ProcessRunner (posix_spawn + waitpid): Foundation's
        // Process missed a child's exit here once and hung start-up.
        let result: ProcessRunner.Result
        do {
            result = try await ProcessRunner().run("/usr/bin/env", [
                "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", tmpKey, "-out", tmpCert, "-days", "3650", "-subj", "/CN=\(name)",
                "-addext", "subjectAltName=DNS:\(name),DNS:localhost,IP:127.0.0.1",
            ])
        } catch {
            throw STARTTLSSetupError("cannot run openssl to make a self-signed certificate")
        }
        guard result.succeeded else {
            throw STARTTLSSetupError("openssl failed (status \(result.status)) making a self-signed certificate")
        }
        guard chmod(tmpKey, 0o600) == 0, rename(tmpKey, key) == 0, rename(tmpCert, cert) == 0 else {
            throw STARTTLSSetupError("cannot write the self-signed certificate into \(directory)")
        }
        return (cert, key)
    }

    /// A host name usable as a certificate CN and DNS name (letters, digits, dots, dashes).
    private static func certificateName(_ hostname: String) -> String {
        let cleaned = String(hostname.unicodeScalars.filter {
            ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "." || $0 == "-"
        }.map(Character.init))
        return cleaned.isEmpty ? "localhost" : cleaned
    }
}

/// STARTTLS could not be set up; the message names the file or tool at fault.
public struct STARTTLSSetupError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
