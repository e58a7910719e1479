import Foundation
import Testing

/// `builders list` and `builders remove-mailbox`: an operator sees what each builder is
/// known by, and takes back a mailbox added by mistake.
@Suite("builders list and remove-mailbox")
struct BuildersCommandTests {
    @Test("list shows intake addresses and own mailboxes; remove-mailbox removes all it names or none")
    func listAndRemove() async throws {
        try await TestDatabase.with { db in
            let url = db.urlString
            func cli(_ arguments: [String]) async throws -> (status: Int32, stdout: String, stderr: String) {
                try await TestProcess.run([Repository.binary] + arguments + ["--database-url", url])
            }
            let add = try await cli(["builders", "add", "acme-homes", "--address", "leads@acme.example",
                                     "--mailbox", "Tom@Acme.example", "--mailbox", "@acme-staff.example"])
            #expect(add.status == 0, "\(add.stderr)")
            let list = try await cli(["builders", "list"])
            let acme = try #require(list.stdout.split(separator: "\n").first { $0.hasPrefix("acme-homes\t") })
            #expect(acme.contains("intake: leads@acme.example"))
            #expect(acme.contains("own mailboxes: @acme-staff.example, tom@acme.example"))
            #expect(list.stdout.contains("postmaster\t"), "the reserved postmaster builder is listed too")

            let unknown = try await cli(["builders", "remove-mailbox", "acme-homes", "tom@acme.example", "bob@acme.example"])
            #expect(unknown.status != 0)
            #expect(unknown.stderr.contains("'bob@acme.example' is not one of builder acme-homes's mailboxes"), "\(unknown.stderr)")
            let kept = try await cli(["builders", "list"])
            #expect(kept.stdout.contains("own mailboxes: @acme-staff.example, tom@acme.example"), "nothing removed when one is unknown")

            let removed = try await cli(["builders", "remove-mailbox", "acme-homes", "TOM@acme.example"])
            #expect(removed.status == 0, "\(removed.stderr)")
            #expect(removed.stdout.contains("own mailboxes of acme-homes: @acme-staff.example"))
            let noBuilder = try await cli(["builders", "remove-mailbox", "nobody", "tom@acme.example"])
            #expect(noBuilder.status != 0)
            #expect(noBuilder.stderr.contains("no builder 'nobody'"), "\(noBuilder.stderr)")
        }
    }
}
