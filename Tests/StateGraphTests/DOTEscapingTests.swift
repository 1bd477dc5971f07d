import Testing

@testable import StateGraph

@Suite struct DOTEscapingTests {
    @Test(
        "quotes ids so that quotes, backslashes and line breaks cannot end the string",
        arguments: [
            ("plain", #""plain""#),
            (#"say "hi""#, #""say \"hi\"""#),
            (#"ends with \"#, #""ends with \\""#),
            ("two\nlines", #""two\nlines""#),
            ("tab\there", #""tab\there""#),
            ("bell\u{07}", #""bell\x07""#),
            ("<b>{x}|y", #""<b>{x}|y""#),
        ]
    )
    func ids(input: String, expected: String) {
        #expect(DOTEscaping.id(input) == expected)
    }

    @Test("maps distinct ids to distinct quoted ids")
    func idsAreInjective() {
        let ids = ["a\nb", #"a\nb"#, #"a\\nb"#, "a\"b", #"a\"b"#, "a\u{01}b", #"a\x01b"#, "a\\", "a"]
        #expect(Set(ids.map(DOTEscaping.id)).count == ids.count)
    }

    @Test(
        "escapes labels as escStrings that read back as the original text",
        arguments: [
            ("IDLE", #""IDLE""#),
            ("say \"hi\"\nnow", #""say \"hi\"\nnow""#),
            (#"\N is not the node name"#, #""\\N is not the node name""#),
            ("crlf\r\nline", #""crlf\nline""#),
            ("<b>{x}", #""<b>{x}""#),
            ("nul\u{00}", "\"nul\u{FFFD}\""),
        ]
    )
    func labels(input: String, expected: String) {
        #expect(DOTEscaping.escString(input) == expected)
    }

    @Test(
        "escapes HTML-like label text as XML",
        arguments: [
            ("a < b & c > \"d\"", "a &lt; b &amp; c &gt; &quot;d&quot;"),
            ("  indented", "&#160;&#160;indented"),
            ("one\ntwo", "one<BR/>two"),
        ]
    )
    func html(input: String, expected: String) {
        #expect(DOTEscaping.html(input) == expected)
    }

    @Test("writes a node whose id and label hold quotes, line breaks, < and { as one valid line")
    func trickyNode() {
        let graph = StateGraph(nodes: [Node(id: "q\"{<", label: "line \"1\"\n<two> {3}")], edges: [])
        let dot = DOTWriter().write(graph)
        #expect(dot.contains(#"    "q\"{<" [label="line \"1\"\n<two> {3}"];"# + "\n"))
    }
}
