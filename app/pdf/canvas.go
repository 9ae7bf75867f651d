package pdf

import (
	"github.com/jung-kurt/gofpdf"
	goqr "github.com/piglig/go-qr"
)

// canvas is what the certificate layout draws on: a PDF page (pdfCanvas)
// or a picture (rasterCanvas), so the PDF and the PNG come from the same
// layout. Lengths are millimetres from the page's top-left corner, text
// sizes points, and a text's y is its baseline. Text is set by the
// layout's own measure (Renderer.width), never by the canvas's.
type canvas interface {
	text(x, y, size float64, c rgb, s string)
	fillRect(x, y, w, h float64, c rgb)
	strokeRect(x, y, w, h, width float64, c rgb)
	line(x1, y1, x2, y2, width float64, c rgb)
	polygon(pts [][2]float64, c rgb)
	// image draws a PNG centred on (cx, cy), fitted into w×h; key names it
	// so that a document embeds it once.
	image(key string, png []byte, cx, cy, w, h float64) error
	// qr draws code's modules with the top-left one at (x, y), module
	// millimetres each; the quiet zone around is the layout's.
	qr(code *goqr.QrCode, x, y, module float64)
	// hidden writes text that is not seen but is found by text
	// extraction; a picture has none.
	hidden(x, y float64, s string)
	// form draws the form of this kind (pdfCanvas: the fixed parts drawn
	// once per document); false when the canvas has none, and the caller
	// draws them itself.
	form(k int) bool
}

// pdfCanvas draws on a gofpdf page.
type pdfCanvas struct{ f *doc }

func (p pdfCanvas) text(x, y, size float64, c rgb, s string) {
	textColor(p.f, c)
	p.f.SetFontSize(size)
	p.f.Text(x, y, s)
}

func (p pdfCanvas) fillRect(x, y, w, h float64, c rgb) {
	fillColor(p.f, c)
	p.f.Rect(x, y, w, h, "F")
}

func (p pdfCanvas) strokeRect(x, y, w, h, width float64, c rgb) {
	drawColor(p.f, c)
	p.f.SetLineWidth(width)
	p.f.Rect(x, y, w, h, "D")
}

func (p pdfCanvas) line(x1, y1, x2, y2, width float64, c rgb) {
	drawColor(p.f, c)
	p.f.SetLineWidth(width)
	p.f.Line(x1, y1, x2, y2)
}

func (p pdfCanvas) polygon(pts [][2]float64, c rgb) {
	fillColor(p.f, c)
	ps := make([]gofpdf.PointType, len(pts))
	for i, pt := range pts {
		ps[i] = gofpdf.PointType{X: pt[0], Y: pt[1]}
	}
	p.f.Polygon(ps, "F")
}

func (p pdfCanvas) image(key string, png []byte, cx, cy, w, h float64) error {
	return drawImage(p.f, key, png, cx, cy, w, h)
}

func (p pdfCanvas) qr(code *goqr.QrCode, x, y, module float64) {
	k := p.f.GetConversionRatio()
	_, h := p.f.GetPageSize()
	p.f.RawWriteStr(qrImage(code, x*k, (h-y)*k, module*k))
}

// hidden writes s in white at one point: invisible on paper.
func (p pdfCanvas) hidden(x, y float64, s string) { p.text(x, y, 1, white, s) }

func (p pdfCanvas) form(k int) bool {
	p.f.RawWriteStr("q /" + formName(k) + " Do Q\n")
	return true
}
