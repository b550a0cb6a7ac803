#!/usr/bin/env bash
# How fast a build of bench reads the digests a peer view keeps (Docs/performance.md, "Digests").
#
#   Benchmarks/digest-codec.sh WORKSPACE [REVISION ...]
#
# WORKSPACE is a synthetic workspace written by `bench synth` (Benchmarks/run.sh writes one to
# /tmp/bench-benchmark/nrw); each REVISION (default: HEAD) is checked out into a temporary worktree, bench is built
# there in release mode, a peer view of synth-0001 fills a database of its own with the digests of every peer, and a
# small program built against that revision's Comparison package decodes those digests 20 times on one thread and
# prints the best time. Needs swift, git and sqlite3. Takes a few minutes per revision (two release builds).
set -euo pipefail

[ $# -ge 1 ] || { sed -n '2,11p' "$0"; exit 2; }
workspace=$(cd "$1" && pwd); shift
[ $# -ge 1 ] || set -- HEAD
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'for tree in "$work"/tree-*; do [ -d "$tree" ] && git -C "$root" worktree remove --force "$tree"; done; rm -rf "$work"' EXIT

for revision in "$@"; do
    name=$(git -C "$root" rev-parse --short "$revision")
    tree="$work/tree-$name"
    git -C "$root" worktree add --quiet --detach "$tree" "$revision"
    (cd "$tree" && swift build -c release --product bench > /dev/null)
    database="$work/$name.sqlite"
    "$tree/.build/release/bench" compare synth-0001 --peers --peer-group kind --workspace "$workspace" --database "$database" > /dev/null
    mkdir -p "$work/blobs-$name"
    # The peers' digests (named peer-digest, or peer-digest-1 before the digests were Codable).
    sqlite3 "$database" "SELECT count(writefile('$work/blobs-$name/' || municipality, data)) FROM derived_data
                         WHERE name IN ('peer-digest', 'peer-digest-1')" > /dev/null

    reader="$work/reader-$name"
    mkdir -p "$reader/Sources/reader"
    cat > "$reader/Package.swift" <<EOF
// swift-tools-version:6.1
import PackageDescription
let package = Package(name: "reader", platforms: [.macOS(.v14)],
    dependencies: [.package(path: "$tree/Packages/Comparison")],
    targets: [.executableTarget(name: "reader", dependencies: [.product(name: "Comparison", package: "Comparison")])])
EOF
    cat > "$reader/Sources/reader/main.swift" <<'EOF'
import Comparison
import Foundation

let folder = CommandLine.arguments[1]
let digests = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    .map { [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder + "/" + $0))) }
var best = Double.infinity
for _ in 0..<20 {
    let start = DispatchTime.now().uptimeNanoseconds
    // `try?` reads both forms of the initialiser: failable (before) and throwing (since the digests are Codable).
    let read = digests.filter { (try? PeerDigest(encoded: $0)) != nil }.count
    precondition(read == digests.count, "a digest could not be read")
    best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
}
print(String(format: "%d digests, %d bytes: best of 20 %.1f ms on one thread", digests.count, digests.map(\.count).reduce(0, +), best))
EOF
    (cd "$reader" && swift build -c release > /dev/null 2>&1)
    echo "$name: $("$reader/.build/release/reader" "$work/blobs-$name")"
done
