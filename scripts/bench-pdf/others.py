#!/usr/bin/env python3
"""The 1,000 certificates of BenchmarkCertificates1000 (app/pdf), made by
other tools for scripts/bench-pdf.sh:

  others.py reportlab OUT.pdf   one PDF with ReportLab, QR code included
  others.py html OUT.html       one HTML file for LibreOffice to convert
                                (no QR code: HTML has no QR drawing)
"""
import html
import sys

FONT = "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高欧"
GIVEN = "喆堃玥伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂昇"
ISSUER_ZH = "中国开源软件推进联盟 PostgreSQL 分会"
ISSUER_EN = "PostgreSQL Chapter, China Open Source Software Promotion Union"


def certificates(n=1000):
    for i in range(n):
        serial = "ACE-2026-%04d" % (i + 1)
        yield {
            "serial": serial,
            "name": SURNAMES[i % len(SURNAMES)] + GIVEN[i % len(GIVEN)] + GIVEN[(i // 7) % len(GIVEN)],
            "latin": "Zhang Zhe",
            "body_zh": "感谢您在 2026 年度为 PostgreSQL 中文社区作出的杰出贡献，经中国开源软件推进联盟 PostgreSQL 分会评定，特授予",
            "body_en": "In recognition of your outstanding contribution to the PostgreSQL community in China in 2026, you are hereby named",
            "title_zh": "PostgreSQL ACE 伙伴",
            "title_en": "PostgreSQL ACE Partner",
            "date": "二〇二六年十二月三十一日",
            "qr": "https://ace.postgresql.cn/v/" + serial,
        }


def reportlab(out):
    from reportlab.graphics import renderPDF
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib.colors import HexColor
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("WenKai", FONT))
    w, h = landscape(A4)
    blue, gold = HexColor("#336791"), HexColor("#B89240")
    c = canvas.Canvas(out, pagesize=(w, h))
    for cert in certificates():
        c.setStrokeColor(blue)
        c.setLineWidth(1.8 * mm)
        c.rect(7 * mm, 7 * mm, w - 14 * mm, h - 14 * mm)
        c.setStrokeColor(gold)
        c.setLineWidth(0.7 * mm)
        c.rect(10.2 * mm, 10.2 * mm, w - 20.4 * mm, h - 20.4 * mm)
        c.setFillColor(blue)
        c.setFont("WenKai", 12)
        c.drawCentredString(w / 2, h - 27 * mm, ISSUER_ZH)
        c.setFont("WenKai", 38)
        c.drawCentredString(w / 2, h - 50 * mm, "荣 誉 证 书")
        c.setFillColor(gold)
        c.setFont("WenKai", 15)
        c.drawCentredString(w / 2, h - 59 * mm, "Certificate of Honor")
        c.setFillColor(HexColor("#222222"))
        c.setFont("WenKai", 36)
        c.drawCentredString(w / 2, h - 85 * mm, cert["name"])
        c.setFont("WenKai", 14)
        c.drawCentredString(w / 2, h - 93 * mm, cert["latin"])
        c.setFont("WenKai", 13)
        c.drawCentredString(w / 2, h - 105 * mm, cert["body_zh"][:40])
        c.drawCentredString(w / 2, h - 111 * mm, cert["body_zh"][40:])
        c.setFont("WenKai", 10.5)
        c.drawCentredString(w / 2, h - 118 * mm, cert["body_en"])
        c.setFillColor(blue)
        c.setFont("WenKai", 19)
        c.drawCentredString(w / 2, h - 130 * mm, cert["title_zh"])
        c.setFont("WenKai", 12.5)
        c.drawCentredString(w / 2, h - 137 * mm, cert["title_en"])
        c.setFillColor(HexColor("#222222"))
        c.setFont("WenKai", 11.5)
        c.drawCentredString(243 * mm, h - 173 * mm, cert["date"])
        c.setFont("WenKai", 8)
        c.drawCentredString(w / 2, h - 193.5 * mm, "证书编号 " + cert["serial"])
        qr = QrCodeWidget(cert["qr"], barLevel="M")
        x0, y0, x1, y1 = qr.getBounds()
        d = Drawing(28 * mm, 28 * mm, transform=[28 * mm / (x1 - x0), 0, 0, 28 * mm / (y1 - y0), 0, 0])
        d.add(qr)
        renderPDF.draw(d, c, 20 * mm, h - 178 * mm)
        c.showPage()
    c.save()


def html_doc(out):
    pages = []
    for cert in certificates():
        e = {k: html.escape(v) for k, v in cert.items()}
        pages.append(
            '<div style="page-break-after: always; text-align: center; font-family: \'LXGW WenKai\'; border: 4px double #336791; padding: 4mm">'
            f'<p style="color:#336791; font-size:12pt">{html.escape(ISSUER_ZH)}<br/><span style="font-size:8.5pt">{html.escape(ISSUER_EN)}</span></p>'
            '<p style="color:#336791; font-size:38pt; margin:0">荣 誉 证 书</p>'
            '<p style="color:#B89240; font-size:15pt; margin:0">Certificate of Honor</p>'
            f'<p style="font-size:36pt; margin:2mm 0 0 0">{e["name"]}</p><p style="font-size:14pt; color:#6e6e6e">{e["latin"]}</p>'
            f'<p style="font-size:13pt">{e["body_zh"]}</p><p style="font-size:10.5pt; color:#6e6e6e">{e["body_en"]}</p>'
            f'<p style="font-size:19pt; color:#336791">{e["title_zh"]}</p><p style="font-size:12.5pt; color:#336791">{e["title_en"]}</p>'
            f'<p style="font-size:11.5pt">{e["date"]}</p><p style="font-size:8pt">证书编号 {e["serial"]}</p></div>'
        )
    with open(out, "w", encoding="utf-8") as f:
        f.write('<!DOCTYPE html><html><head><meta charset="utf-8"><style>@page { size: A4 landscape; margin: 8mm } p { margin: 0.6mm 0 }</style></head><body>')
        f.write("\n".join(pages))
        f.write("</body></html>")


if __name__ == "__main__":
    {"reportlab": reportlab, "html": html_doc}[sys.argv[1]](sys.argv[2])
