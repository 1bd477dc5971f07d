import Foundation
import ModelChecker
import Testing

@Suite struct StorageTests {
    @Test("Exact, compact and bitstate storage find the same states and verdicts on a small model",
          arguments: CheckOptions.Storage.allCases)
    func sameVerdicts(storage: CheckOptions.Storage) {
        let exact = comparable(TwoPhase(buggy: false).check())
        var other = comparable(TwoPhase(buggy: false).check(options: CheckOptions(storage: storage)))
        other.storage = .exact
        #expect(other == exact)
    }

    @Test("A compact run says its verdict is probabilistic and gives the omission probability")
    func compactWording() throws {
        let model = TwoPhase(buggy: false)
        let result = model.check(options: CheckOptions(storage: .compact))
        let probability = try #require(result.store?.omissionProbability)
        let states = Double(result.states)
        #expect(probability == states * states / 0x1p65)
        let report = result.report(for: model)
        #expect(report.summary.hasPrefix(
            "every property holds (state space exhausted; probabilistic: hash compaction, probability of an omission ≈ "))
        #expect(report.properties[0].detail.hasPrefix("holds (state space exhausted; probabilistic: hash compaction"))
        #expect(report.text().contains("\nprobabilistic: hash compaction, probability of an omission ≈ "))
        #expect(report.json().contains("\"storageNote\": \"probabilistic: hash compaction"))
    }

    @Test("A bitstate run says its verdict is probabilistic and gives the expected coverage")
    func bitstateWording() throws {
        let model = TwoPhase(buggy: false)
        let result = model.check(options: CheckOptions(storage: .bitstate, bitstateBytes: 1 << 16))
        let report = result.report(for: model)
        #expect(report.summary.contains("probabilistic: bitstate hashing (524288 bits, 3 per state, hash factor "))
        #expect(report.summary.contains("expected coverage ≈ 99.9"))
        #expect(result.store?.bitstateBits == 1 << 19)
    }

    @Test("An exact run never says probabilistic")
    func exactWording() {
        let model = TwoPhase(buggy: false)
        let text = model.check().report(for: model).text()
        #expect(!text.contains("probabilistic"))
    }

    @Test("A bit array far too small misses states, and the estimate says coverage is poor")
    func tinyBitArray() throws {
        let result = TokenRing(size: 10).check(options: CheckOptions(storage: .bitstate, bitstateBytes: 512))
        #expect(result.states < 10 << 10)
        let coverage = try #require(result.store?.expectedCoverage)
        #expect(coverage < 0.9)
        #expect(result.store?.hashFactor ?? 0 < 5)
    }

    @Test("Depth-first search with bitstate storage falls back to compact storage and says so")
    func depthFirstBitstate() {
        let result = TokenRing(size: 5).check(options: CheckOptions(strategy: .depthFirst, storage: .bitstate))
        #expect(result.storage == .compact)
        #expect(result.states == 5 << 5)
    }

    @Test("Probabilities print with two significant digits")
    func scientific() {
        let result = CounterGridModel(counters: 2, modulus: 16).check(options: CheckOptions(storage: .compact))
        // 256 states: 65536 / 2^65 = 1.8e-15
        #expect(result.summary.hasSuffix("probability of an omission ≈ 1.8e-15)"))
    }
}

@Suite struct BenchmarkReportTests {
    @Test("The benchmark report has the keys the bench script reads, and the grid's figures")
    func json() throws {
        let report = CounterGridModel(counters: 3, modulus: 8).benchmark(
            name: "grid", options: CheckOptions(collectCoverage: false, workers: 2))
        #expect(report.states == 512)
        #expect(report.transitions == 1536)
        #expect(report.depth == 21)
        #expect(report.workers == 2)
        #expect(report.verdict == "passed")
        #expect(report.bytesPerState > 0)
        let object = try #require(
            JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any])
        for key in ["states", "transitions", "seconds", "statesPerSecond", "bytesPerState", "peakMemoryBytes",
                    "workers", "verdict", "depth", "storage"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        #expect(report.text.contains("states       512\n"))
        #expect(try JSONDecoder().decode(BenchmarkReport.self, from: Data(report.json().utf8)) == report)
    }

    @Test("The process's peak memory is read from /proc on Linux")
    func peakMemory() {
        #if os(Linux)
            #expect((SystemInfo.peakResidentBytes ?? 0) > 1 << 20)
        #endif
        #expect(SystemInfo.onlineProcessors >= 1)
    }
}
