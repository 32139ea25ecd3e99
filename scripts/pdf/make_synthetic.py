#!/usr/bin/python3
"""Writes small hand-made PDFs for the reader's tests (parser/pdf/testdata):
fonts that no installed producer writes, made byte by byte.

- gbk-euc-h.pdf: a Type0 font on the non-embedded STSong-Light with the
  predefined CMap GBK-EUC-H (ASCII one byte, GBK two bytes) and no
  ToUnicode, as old Chinese tools write it.
- onebyte-type0.pdf: a Type0 font with an embedded CMap whose codespace
  is one byte (<00>-<FF>) and a ToUnicode map, as Ghostscript pdfwrite
  writes it ("OneByteIdentityH").

Usage: /usr/bin/python3 scripts/pdf/make_synthetic.py [OUTDIR]
"""
import os
import sys
import zlib

TEXT = "本机关2024年政府信息公开工作年度报告"


def pdf(objs):
    """objs: list of bytes (object bodies, numbered from 1); returns a file."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offs = []
    for i, body in enumerate(objs, 1):
        offs.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    x = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for o in offs:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, x)
    return bytes(out)


def stream(data, extra=b""):
    z = zlib.compress(data)
    return b"<< /Length %d /Filter /FlateDecode %s>>\nstream\n" % (len(z), extra) + z + b"\nendstream"


def hexstr(b):
    return b"<" + b.hex().encode() + b">"


def page_objs(font_obj, shown, extra):
    content = b"BT /F1 12 Tf 72 700 Td " + hexstr(shown) + b" Tj ET"
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        stream(content),
        font_obj,
    ] + extra


def gbk_euc_h():
    font = (b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /GBK-EUC-H "
            b"/DescendantFonts [6 0 R] >>")
    desc = (b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
            b"/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R "
            b"/DW 1000 /W [814 [500 500 500 500 500 500 500 500 500 500]] >>")
    fd = (b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] "
          b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>")
    return pdf(page_objs(font, TEXT.encode("gbk"), [desc, fd]))


def onebyte_type0():
    chars = sorted(set(TEXT))
    code = {ch: i + 1 for i, ch in enumerate(chars)}
    shown = bytes(code[c] for c in TEXT)
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            b"/CMapName /OneByteIdentityH def /CMapType 1 def\n"
            b"1 begincodespacerange <00> <FF> endcodespacerange\n"
            b"1 begincidrange <00> <FF> 0 endcidrange\n"
            b"endcmap CMapName currentdict /CMap defineresource pop end end")
    tu = [b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n/CMapType 2 def\n"
          b"1 begincodespacerange <00> <FF> endcodespacerange\n%d beginbfchar\n" % len(chars)]
    for ch in chars:
        tu.append(b"<%02x> <%s>\n" % (code[ch], ch.encode("utf-16-be").hex().encode()))
    tu.append(b"endbfchar\nendcmap CMapName currentdict /CMap defineresource pop end end")
    font = (b"<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+NotoSerifCJKsc-Regular /Encoding 6 0 R "
            b"/DescendantFonts [7 0 R] /ToUnicode 8 0 R >>")
    desc = (b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+NotoSerifCJKsc-Regular "
            b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 "
            b"/W [" + b" ".join(b"%d [500]" % code[c] for c in "2024") + b"] >>")
    return pdf(page_objs(font, shown, [stream(cmap, b"/Type /CMap /CMapName /OneByteIdentityH "), desc, stream(b"".join(tu))]))


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "parser", "pdf", "testdata")
    os.makedirs(out, exist_ok=True)
    for name, make in [("gbk-euc-h.pdf", gbk_euc_h), ("onebyte-type0.pdf", onebyte_type0)]:
        with open(os.path.join(out, name), "wb") as f:
            f.write(make())


if __name__ == "__main__":
    main()
