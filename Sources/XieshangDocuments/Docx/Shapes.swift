/// Floating DrawingML shapes (Word 2010+ `wps`, read by WPS and LibreOffice too) for what must
/// sit at an exact place on the page whatever the text does: the letter format's double rules
/// and organ mark, which lie outside the type area, and the seal's place.
enum Shapes {
    enum Anchor: String {
        case page, margin, paragraph
    }

    struct Box {
        var x: Millimetres
        /// From the top of `vertical`; ignored when `atBottom`.
        var y: Millimetres
        var width: Millimetres
        var height: Millimetres
        var horizontal: Anchor = .page
        var vertical: Anchor = .page
        /// Aligned to the bottom of `vertical` (the type area for `.margin`).
        var atBottom = false
        /// Text above and below, none beside: body text never runs under the shape.
        var pushesText = false
    }

    /// A filled bar: a rule of exactly `box.height`, which a stroked line (centred on its path,
    /// with caps) would not give.
    static func bar(id: Int, name: String, _ box: Box, color: String) -> String {
        anchored(id: id, name: name, box, behind: false, shape: """
            <wps:wsp><wps:cNvSpPr/><wps:spPr>\(frame(box))<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>\
            <a:solidFill><a:srgbClr val="\(color)"/></a:solidFill><a:ln><a:noFill/></a:ln></wps:spPr>\
            <wps:bodyPr/></wps:wsp>
            """)
    }

    /// A text box without border or insets holding `paragraphs`; `grows` lets the renderer
    /// fit its height to the text when the estimate is short.
    static func textBox(id: Int, name: String, _ box: Box, paragraphs: String, grows: Bool = false) -> String {
        anchored(id: id, name: name, box, behind: false, shape: """
            <wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr>\(frame(box))<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>\
            <a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr><wps:txbx><w:txbxContent>\(paragraphs)</w:txbxContent></wps:txbx>\
            <wps:bodyPr rot="0" vert="horz" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="\(box.atBottom ? "b" : "t")" \
            anchorCtr="0">\(grows ? "<a:spAutoFit/>" : "<a:noAutofit/>")</wps:bodyPr></wps:wsp>
            """)
    }

    /// A dashed circle behind the text, where the seal will be pressed.
    static func sealMark(id: Int, _ box: Box, color: String) -> String {
        anchored(id: id, name: "印章位置", box, behind: true, shape: """
            <wps:wsp><wps:cNvSpPr/><wps:spPr>\(frame(box))<a:prstGeom prst="ellipse"><a:avLst/></a:prstGeom>\
            <a:noFill/><a:ln w="9525"><a:solidFill><a:srgbClr val="\(color)"/></a:solidFill>\
            <a:prstDash val="dash"/></a:ln></wps:spPr><wps:bodyPr/></wps:wsp>
            """)
    }

    private static func frame(_ box: Box) -> String {
        "<a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"\(Units.emu(mm: box.width))\" cy=\"\(Units.emu(mm: box.height))\"/></a:xfrm>"
    }

    /// Unless `pushesText`, the shape floats and moves no text, so the flow stays on its grid.
    private static func anchored(id: Int, name: String, _ box: Box, behind: Bool, shape: String) -> String {
        let horizontal = box.horizontal == .paragraph ? "column" : box.horizontal.rawValue
        let vertical = box.atBottom ? "<wp:align>bottom</wp:align>" : "<wp:posOffset>\(Units.emu(mm: box.y))</wp:posOffset>"
        return """
            <w:r><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" \
            relativeHeight="\(251_658_240 + id)" behindDoc="\(behind ? 1 : 0)" locked="1" layoutInCell="1" allowOverlap="1">\
            <wp:simplePos x="0" y="0"/>\
            <wp:positionH relativeFrom="\(horizontal)"><wp:posOffset>\(Units.emu(mm: box.x))</wp:posOffset></wp:positionH>\
            <wp:positionV relativeFrom="\(box.vertical.rawValue)">\(vertical)</wp:positionV>\
            <wp:extent cx="\(Units.emu(mm: box.width))" cy="\(Units.emu(mm: box.height))"/>\
            <wp:effectExtent l="0" t="0" r="0" b="0"/>\(box.pushesText ? "<wp:wrapTopAndBottom/>" : "<wp:wrapNone/>")\
            <wp:docPr id="\(id)" name="\(XML.escape(name))"/><wp:cNvGraphicFramePr/>\
            <a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">\
            \(shape)</a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>
            """
    }
}
