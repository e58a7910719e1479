import Extraction
import MIME
import Testing

/// `parsers/facebook.yaml` lists zapier.com among its senders: Zapier mail is a Facebook lead
/// only when it carries a sign of Meta, else a Typeform or website zap (or a Zapier billing
/// mail) would become a Facebook lead, or be ignored as Meta's billing notice.
@Suite("Facebook spec detection")
struct FacebookSpecDetectionTests {
    private func zap(subject: String, text: String) -> MIMEMessage {
        MIMEMessage(subject: subject, from: [Mailbox(name: "Zapier", address: "no-reply@zapier.com")], text: text)
    }

    @Test func aTypeformZapWithALeadSubjectIsNotFacebook() throws {
        let specs = try SpecTestSupport.repositorySpecs()
        let message = zap(subject: "New lead for Hill Country Homes (website quiz)", text: """
            New Typeform response - "Which home is right for you?" quiz

            Name: Wes Holloway
            Email: wes.holloway@example.com
            """)
        #expect(specs.detectedSpec(for: message)?.name != "facebook")
    }

    @Test func aZapWithLeadAdsKeysIsFacebookWhateverItsSubject() throws {
        let specs = try SpecTestSupport.repositorySpecs()
        let message = zap(subject: "New lead for Spring Build Promo", text: """
            full_name: Amanda Lee
            phone_number: +15125550123

            form_name: Spring Build Promo
            is_organic: false
            """)
        #expect(specs.detectedSpec(for: message)?.name == "facebook")
    }

    @Test func aZapAboutAPaymentIsNotMetasBillingNotice() throws {
        let specs = try SpecTestSupport.repositorySpecs()
        let message = zap(subject: "New lead for Financing page: payment plan question", text: """
            Name: Dana Ruiz
            Phone: 512-555-0144
            """)
        #expect(specs.detectedSpec(for: message)?.name != "facebook")
    }
}
