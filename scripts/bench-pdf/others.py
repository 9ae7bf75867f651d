#!/usr/bin/env python3
"""The certificates of scripts/bench-pdf.sh made by other tools, from ACE
Desk's own export of them (certificates.csv: the same names, serials and
signed QR codes), in a layout like ACE Desk's:

  others.py reportlab CERTS.csv OUT.pdf        one PDF with ReportLab, QR code included
  others.py reportlab-each CERTS.csv OUTDIR    one PDF per certificate with ReportLab
  others.py html CERTS.csv OUT.html            one HTML file for LibreOffice to convert
                                               (no QR code: HTML has no QR drawing)
"""
import csv
import html
import os
import sys

FONT = "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf"
ISSUER_ZH = "中国开源软件推进联盟 PostgreSQL 分会"
ISSUER_EN = "PostgreSQL Chapter, China Open Source Software Promotion Union"
# ACE Desk's export has English keys or Chinese headers: either will do.
COLUMNS = {"serial": "证书编号", "name": "姓名", "name_latin": "拼音/英文名", "title": "称号",
           "title_en": "英文称号", "year": "年度", "issued_on": "颁发日期", "payload": "验证码内容"}


def certificates(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    head = rows[0]
    at = {k: head.index(k) if k in head else head.index(zh) for k, zh in COLUMNS.items()}
    for row in rows[1:]:
        c = {k: row[i] for k, i in at.items()}
        y, m, d = c["issued_on"].split("-")
        c["date"] = f"{y}年{int(m)}月{int(d)}日"
        c["body_zh"] = f"在{c['year']}年度为 PostgreSQL 中文社区作出突出贡献，经 PostgreSQL ACE 荣誉体系评定，授予“{c['title']}”荣誉称号。特发此证，以资鼓励。"
        c["body_en"] = f"In recognition of outstanding contributions to the PostgreSQL community in {c['year']}, the title of {c['title_en']} is hereby conferred."
        yield c


def reportlab_setup():
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("WenKai", FONT))


def reportlab_page(c, cert):
    from reportlab.graphics import renderPDF
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib.colors import HexColor
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm

    w, h = landscape(A4)
    blue, gold, ink = HexColor("#336791"), HexColor("#B89240"), HexColor("#222222")
    c.setStrokeColor(blue)
    c.setLineWidth(1.2 * mm)
    c.rect(10.6 * mm, 10.6 * mm, w - 21.2 * mm, h - 21.2 * mm)
    c.setStrokeColor(gold)
    c.setLineWidth(0.5 * mm)
    c.rect(13.2 * mm, 13.2 * mm, w - 26.4 * mm, h - 26.4 * mm)
    c.setFillColor(blue)
    c.setFont("WenKai", 12.5)
    c.drawCentredString(w / 2, h - 28 * mm, ISSUER_ZH)
    c.setFont("WenKai", 8.5)
    c.drawCentredString(w / 2, h - 33 * mm, ISSUER_EN)
    c.setFont("WenKai", 38)
    c.drawCentredString(w / 2, h - 51 * mm, "荣 誉 证 书")
    c.setFillColor(gold)
    c.setFont("WenKai", 10.5)
    c.drawCentredString(w / 2, h - 59 * mm, "CERTIFICATE OF HONOR")
    c.setFillColor(ink)
    c.setFont("WenKai", 34)
    c.drawCentredString(w / 2, h - 83 * mm, cert["name"])
    c.setFont("WenKai", 13)
    c.drawCentredString(w / 2, h - 91 * mm, cert["name_latin"])
    c.setFont("WenKai", 14)
    c.drawCentredString(w / 2, h - 110 * mm, cert["body_zh"][:38])
    c.drawCentredString(w / 2, h - 118 * mm, cert["body_zh"][38:])
    c.setFont("WenKai", 11)
    c.drawCentredString(w / 2, h - 128 * mm, cert["body_en"])
    c.drawCentredString(240 * mm, h - 172 * mm, ISSUER_ZH)
    c.drawCentredString(240 * mm, h - 179.5 * mm, cert["date"])
    c.setFont("WenKai", 8)
    c.drawCentredString(w / 2, h - 192 * mm, "证书编号 No. " + cert["serial"])
    qr = QrCodeWidget(cert["payload"], barLevel="L")
    x0, y0, x1, y1 = qr.getBounds()
    d = Drawing(31 * mm, 31 * mm, transform=[31 * mm / (x1 - x0), 0, 0, 31 * mm / (y1 - y0), 0, 0])
    d.add(qr)
    renderPDF.draw(d, c, 24 * mm, h - 180 * mm)
    c.showPage()


def reportlab(src, out):
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen import canvas

    reportlab_setup()
    c = canvas.Canvas(out, pagesize=landscape(A4))
    for cert in certificates(src):
        reportlab_page(c, cert)
    c.save()


def reportlab_each(src, outdir):
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen import canvas

    reportlab_setup()
    os.makedirs(outdir, exist_ok=True)
    for cert in certificates(src):
        c = canvas.Canvas(os.path.join(outdir, cert["serial"] + ".pdf"), pagesize=landscape(A4))
        reportlab_page(c, cert)
        c.save()


def html_doc(src, out):
    pages = []
    for cert in certificates(src):
        e = {k: html.escape(v) for k, v in cert.items()}
        pages.append(
            '<div style="page-break-after: always; text-align: center; font-family: \'LXGW WenKai\'; border: 4px double #336791; padding: 4mm">'
            f'<p style="color:#336791; font-size:12.5pt">{html.escape(ISSUER_ZH)}<br/><span style="font-size:8.5pt">{html.escape(ISSUER_EN)}</span></p>'
            '<p style="color:#336791; font-size:38pt; margin:0">荣 誉 证 书</p>'
            '<p style="color:#B89240; font-size:10.5pt; margin:0">CERTIFICATE OF HONOR</p>'
            f'<p style="font-size:34pt; margin:2mm 0 0 0">{e["name"]}</p><p style="font-size:13pt; color:#606060">{e["name_latin"]}</p>'
            f'<p style="font-size:14pt">{e["body_zh"]}</p><p style="font-size:11pt; color:#444444">{e["body_en"]}</p>'
            f'<p style="font-size:11pt">{html.escape(ISSUER_ZH)}<br/>{e["date"]}</p><p style="font-size:8pt">证书编号 No. {e["serial"]}</p></div>'
        )
    with open(out, "w", encoding="utf-8") as f:
        f.write('<!DOCTYPE html><html><head><meta charset="utf-8"><style>@page { size: A4 landscape; margin: 10mm } p { margin: 0.6mm 0 }</style></head><body>')
        f.write("\n".join(pages))
        f.write("</body></html>")


if __name__ == "__main__":
    {"reportlab": reportlab, "reportlab-each": reportlab_each, "html": html_doc}[sys.argv[1]](sys.argv[2], sys.argv[3])
