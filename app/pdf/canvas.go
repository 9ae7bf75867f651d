package pdf

import (
	"fmt"
	"strconv"
	"strings"

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
	// shared draws what draw draws, which is the same wherever key is the
	// same: a PDF draws it once per document, as a form its pages use.
	shared(key string, draw func() error) error
}

// fontAlias is the name pages use for the document's one font (see
// makeForms): gofpdf's own is a 40-character hash, repeated in every
// text of every page.
const fontAlias = "F"

// pdfCanvas draws on the pages of a gofpdf document. Its text it writes
// itself, in one text object per run of texts, with only the operators
// that change something: gofpdf writes a font selection, a colour and a
// saved graphics state around every text, which is most of a page's
// bytes.
type pdfCanvas struct {
	f *doc
	// text waiting to be written, and the state within it
	pending          strings.Builder
	size             float64
	color            rgb
	lineX, lineY     float64 // where the current text line starts, points
	forms            map[string]int
	formDraws        []func() error
	formPages        map[int]string // page number → form name
	k, pageH         float64        // points a millimetre; the page's height
	started, colored bool
}

func newPDFCanvas(f *doc) *pdfCanvas {
	_, h := f.GetPageSize()
	return &pdfCanvas{f: f, forms: map[string]int{}, formPages: map[int]string{}, k: f.GetConversionRatio(), pageH: h}
}

// num writes v with at most two decimals and no trailing zeros.
func num(v float64) string {
	s := strconv.FormatFloat(v, 'f', 2, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" || s == "" {
		return "0"
	}
	return s
}

func (p *pdfCanvas) text(x, y, size float64, c rgb, s string) {
	if !p.started {
		p.pending.WriteString("q BT\n")
		p.started, p.lineX, p.lineY, p.size, p.colored = true, 0, 0, 0, false
	}
	if size != p.size {
		fmt.Fprintf(&p.pending, "/%s %s Tf ", fontAlias, num(size))
		p.size = size
	}
	if !p.colored || c != p.color {
		if c.r == c.g && c.g == c.b {
			fmt.Fprintf(&p.pending, "%s g ", num(float64(c.r)/255))
		} else {
			fmt.Fprintf(&p.pending, "%s %s %s rg ", num(float64(c.r)/255), num(float64(c.g)/255), num(float64(c.b)/255))
		}
		p.color, p.colored = c, true
	}
	px, py := x*p.k, (p.pageH-y)*p.k
	fmt.Fprintf(&p.pending, "%s %s Td <", num(px-p.lineX), num(py-p.lineY))
	p.lineX, p.lineY = px, py
	// Identity-H: two bytes a character, the code gofpdf gave it.
	for _, r := range p.f.sub.bmp(s) {
		fmt.Fprintf(&p.pending, "%04X", r)
	}
	p.pending.WriteString("> Tj\n")
}

// flush writes the pending text, before anything drawn over it.
func (p *pdfCanvas) flush() {
	if !p.started {
		return
	}
	p.pending.WriteString("ET Q\n")
	p.f.RawWriteStr(p.pending.String())
	p.pending.Reset()
	p.started = false
}

func (p *pdfCanvas) fillRect(x, y, w, h float64, c rgb) {
	p.flush()
	fillColor(p.f, c)
	p.f.Rect(x, y, w, h, "F")
}

func (p *pdfCanvas) strokeRect(x, y, w, h, width float64, c rgb) {
	p.flush()
	drawColor(p.f, c)
	p.f.SetLineWidth(width)
	p.f.Rect(x, y, w, h, "D")
}

func (p *pdfCanvas) line(x1, y1, x2, y2, width float64, c rgb) {
	p.flush()
	drawColor(p.f, c)
	p.f.SetLineWidth(width)
	p.f.Line(x1, y1, x2, y2)
}

func (p *pdfCanvas) polygon(pts [][2]float64, c rgb) {
	p.flush()
	fillColor(p.f, c)
	ps := make([]gofpdf.PointType, len(pts))
	for i, pt := range pts {
		ps[i] = gofpdf.PointType{X: pt[0], Y: pt[1]}
	}
	p.f.Polygon(ps, "F")
}

func (p *pdfCanvas) image(key string, png []byte, cx, cy, w, h float64) error {
	p.flush()
	return drawImage(p.f, key, png, cx, cy, w, h)
}

func (p *pdfCanvas) qr(code *goqr.QrCode, x, y, module float64) {
	p.flush()
	p.f.RawWriteStr(qrImage(code, x*p.k, (p.pageH-y)*p.k, module*p.k))
}

// shared draws a form: the first page that needs key names it, and it is
// drawn on a page of its own once the document's pages are done
// (drawForms), which makeForms then makes the form.
func (p *pdfCanvas) shared(key string, draw func() error) error {
	k, ok := p.forms[key]
	if !ok {
		k = len(p.formDraws)
		p.forms[key] = k
		p.formDraws = append(p.formDraws, draw)
	}
	p.flush()
	p.f.RawWriteStr("/" + formName(k) + " Do\n")
	return nil
}

// beginPage starts a page of the canvas's own: its content starts here.
func (p *pdfCanvas) beginPage() {
	p.f.AddPage()
	p.f.RawWriteStr(pageStart)
}

// endPage writes what is pending of the page.
func (p *pdfCanvas) endPage() { p.flush() }

// drawForms draws each form the pages named on a page of its own.
func (p *pdfCanvas) drawForms() error {
	for k, draw := range p.formDraws {
		p.f.AddPage()
		p.formPages[p.f.PageNo()] = formName(k)
		if err := draw(); err != nil {
			return err
		}
		p.endPage()
	}
	return nil
}
