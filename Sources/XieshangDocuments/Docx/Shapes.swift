import Foundation

/// Floating shapes for what must sit at an exact place on the page whatever the text does:
/// the letter format's double rules and organ mark, which lie outside the type area, and the
/// 版记 at the foot of the last page. Each is written twice, as Word itself writes shapes: a
/// Word 2010 DrawingML shape (`wps`, which LibreOffice and WPS read) and, as the fallback of
/// the markup-compatibility wrapper, the same shape in VML, which Word 2007 and older WPS
/// draw. Nothing else in the document is a shape: the seal is not printed at all.
enum Shapes {
    enum Anchor: String {
        case page, margin, paragraph
    }

    struct Box {
        var x: Millimetres
        /// From the top of `vertical`.
        var y: Millimetres
        var width: Millimetres
        var height: Millimetres
        var horizontal: Anchor = .page
        var vertical: Anchor = .page
        /// A text box's text sits on the box's bottom edge.
        var textAtBottom = false
        /// Text above and below, none beside: body text never runs under the shape.
        var pushesText = false
    }

    /// A filled bar: a rule of exactly `box.height`, which a stroked line (centred on its path,
    /// with caps) would not give.
    static func bar(id: Int, name: String, _ box: Box, color: String) -> String {
        let drawing = anchored(id: id, name: name, box, shape: """
            <wps:wsp><wps:cNvSpPr/><wps:spPr>\(frame(box))<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>\
            <a:solidFill><a:srgbClr val="\(color)"/></a:solidFill><a:ln><a:noFill/></a:ln></wps:spPr>\
            <wps:bodyPr/></wps:wsp>
            """)
        let vml = "<v:rect id=\"\(vmlID(id))\" style=\"\(vmlStyle(id: id, box))\" fillcolor=\"#\(color)\" stroked=\"f\">"
            + "\(vmlWrap(box))</v:rect>"
        return alternate(drawing, fallback: vml)
    }

    /// A text box without border or insets holding `paragraphs`, of the box's size whatever
    /// they take: a box the renderer may grow moves (LibreOffice grows it downward from its top).
    static func textBox(id: Int, name: String, _ box: Box, paragraphs: String) -> String {
        let drawing = anchored(id: id, name: name, box, shape: """
            <wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr>\(frame(box))<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>\
            <a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr><wps:txbx><w:txbxContent>\(paragraphs)</w:txbxContent></wps:txbx>\
            <wps:bodyPr rot="0" vert="horz" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="\(box.textAtBottom ? "b" : "t")" \
            anchorCtr="0"><a:noAutofit/></wps:bodyPr></wps:wsp>
            """)
        let vml = "<v:rect id=\"\(vmlID(id))\" style=\"\(vmlStyle(id: id, box))\" filled=\"f\" stroked=\"f\">"
            + "<v:textbox inset=\"0,0,0,0\"\(box.textAtBottom ? " style=\"v-text-anchor:bottom\"" : "")>"
            + "<w:txbxContent>\(paragraphs)</w:txbxContent></v:textbox>\(vmlWrap(box))</v:rect>"
        return alternate(drawing, fallback: vml)
    }

    /// The run holding both forms: consumers that know `wps` take the choice, others the VML.
    private static func alternate(_ drawing: String, fallback vml: String) -> String {
        "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\">\(drawing)</mc:Choice>"
            + "<mc:Fallback><w:pict>\(vml)</w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    }

    private static func frame(_ box: Box) -> String {
        "<a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"\(Units.emu(mm: box.width))\" cy=\"\(Units.emu(mm: box.height))\"/></a:xfrm>"
    }

    /// Unless `pushesText`, the shape floats and moves no text.
    private static func anchored(id: Int, name: String, _ box: Box, shape: String) -> String {
        let horizontal = box.horizontal == .paragraph ? "column" : box.horizontal.rawValue
        let vertical = "<wp:posOffset>\(Units.emu(mm: box.y))</wp:posOffset>"
        return """
            <w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" \
            relativeHeight="\(zIndex(id))" behindDoc="0" locked="1" layoutInCell="1" allowOverlap="1">\
            <wp:simplePos x="0" y="0"/>\
            <wp:positionH relativeFrom="\(horizontal)"><wp:posOffset>\(Units.emu(mm: box.x))</wp:posOffset></wp:positionH>\
            <wp:positionV relativeFrom="\(box.vertical.rawValue)">\(vertical)</wp:positionV>\
            <wp:extent cx="\(Units.emu(mm: box.width))" cy="\(Units.emu(mm: box.height))"/>\
            <wp:effectExtent l="0" t="0" r="0" b="0"/>\(box.pushesText ? "<wp:wrapTopAndBottom/>" : "<wp:wrapNone/>")\
            <wp:docPr id="\(id)" name="\(XML.escape(name))"/><wp:cNvGraphicFramePr/>\
            <a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">\
            \(shape)</a:graphicData></a:graphic></wp:anchor></w:drawing>
            """
    }

    private static func zIndex(_ id: Int) -> Int { 251_658_240 + id }
    private static func vmlID(_ id: Int) -> String { "_x0000_s\(1024 + id)" }

    /// VML's CSS position, in points: Word 2007 reads the same place from it as Word 2010
    /// from the anchor.
    private static func vmlStyle(id: Int, _ box: Box) -> String {
        func pt(_ mm: Millimetres) -> String { String(format: "%.2fpt", Units.points(mm: mm)) }
        func relative(_ a: Anchor) -> String { a == .paragraph ? "text" : a.rawValue }
        return "position:absolute;margin-left:\(pt(box.x));margin-top:\(pt(box.y));width:\(pt(box.width));"
            + "height:\(pt(box.height));z-index:\(zIndex(id));mso-position-horizontal-relative:\(relative(box.horizontal));"
            + "mso-position-vertical-relative:\(relative(box.vertical))"
    }

    private static func vmlWrap(_ box: Box) -> String {
        box.pushesText ? "<w10:wrap type=\"topAndBottom\"/>" : "<w10:wrap anchorx=\"\(box.horizontal == .page ? "page" : "margin")\" anchory=\"\(box.vertical == .page ? "page" : "margin")\"/>"
    }
}
