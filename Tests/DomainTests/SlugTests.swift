import Domain
import Testing

@Suite struct SlugTests {
    @Test(arguments: ["leverkusen", "aachen", "rhein-erft-kreis", "k1", "0815", String(repeating: "a", count: 63)])
    func acceptsFolderSafeNames(text: String) {
        #expect(Slug(text)?.rawValue == text)
    }

    @Test(arguments: ["", "../leverkusen", "..", "a/b", "a\\b", "Leverkusen", "-x", "köln", "a b", "a.b", "~",
                      String(repeating: "a", count: 64), "a\u{0}b"])
    func refusesPathCharactersAndEverythingElse(text: String) {
        #expect(Slug(text) == nil)
    }
}
