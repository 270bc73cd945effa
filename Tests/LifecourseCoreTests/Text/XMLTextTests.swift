import LifecourseCore
import Testing

@Suite struct XMLTextTests {
    @Test func escapesTheFiveMarkupCharactersAndNothingElse() {
        #expect(XMLText.escaped(#"<a href="x">'&'</a> 髙橋"#) == "&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt; 髙橋")
    }
}
