import Foundation
@testable import Storage
import Testing

/// The hash that tells whether a dataset file changed: any edit changes it, the same bytes always give the same.
@Suite struct ContentHashTests {
    /// Pinned: a different value here means every database imports every dataset again once.
    @Test func knownValues() {
        #expect(ContentHash.hex(Data()) == "d6960ddd975263819b5eab99c23931f0")
        #expect(ContentHash.hex(Data("snapshot,name\n".utf8)) == "01eada2d608de115a332d006c60bec15")
        #expect(ContentHash.hex(Data(repeating: UInt8(ascii: "a"), count: 1_000_000)) == "7421e80e8c594fa334958a8a0797b05c")
    }

    /// Every single-bit change of inputs of 0 to 100 bytes (across the 32-byte blocks, the 8-byte words and the
    /// tail) gives another hash, and so do trailing zero bytes.
    @Test func everyBitFlipChangesTheHash() {
        var seen = Set<String>()
        for length in 0...100 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            let original = ContentHash.hex(Data(bytes))
            #expect(seen.insert(original).inserted, "length \(length)")
            for index in bytes.indices {
                for bit in 0..<8 {
                    var changed = bytes
                    changed[index] ^= 1 << bit
                    #expect(ContentHash.hex(Data(changed)) != original, "length \(length), byte \(index), bit \(bit)")
                }
            }
        }
        #expect(ContentHash.hex(Data([1, 2, 3])) != ContentHash.hex(Data([1, 2, 3, 0])))
    }

    /// Two lines swapped (the same bytes in another order) is a change.
    @Test func reorderedWordsChangeTheHash() {
        let a = Data("2024,Leistung A,,leika-leistung\n2024,Leistung B,,leika-leistung\n".utf8)
        let b = Data("2024,Leistung B,,leika-leistung\n2024,Leistung A,,leika-leistung\n".utf8)
        #expect(ContentHash.hex(a) != ContentHash.hex(b))
    }
}
