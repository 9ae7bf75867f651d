package pdf

import (
	"fmt"

	"github.com/jung-kurt/gofpdf"
	goqr "github.com/piglig/go-qr"
)

// Certificate is one page: an honor certificate, a letter of appointment or
// a certificate of appreciation, in Chinese first and English second. The
// caller fills in the wording.
type Certificate struct {
	Kind      string // "honor", "appointment" or "thanks"
	Serial    string
	Name      string // as printed large, usually Chinese
	NameLatin string // the name in Latin letters, for the English text
	TitleZH   string // e.g. "PostgreSQL ACE 伙伴", "杭州用户组组长", a talk title
	TitleEN   string
	BodyZH    string
	BodyEN    string
	DateZH    string
	DateEN    string
	QR        string // the verification payload: printable ASCII, no spaces; empty for none
	Reprint   bool   // marks a replacement copy
}

// Style is what every certificate of a batch shares: who issues it and who
// signs it.
type Style struct {
	IssuerZH, IssuerEN string
	Signatories        []Signatory
	// SealPNG is the organizer's own seal image (transparent PNG). A seal is
	// a legal mark, so none is ever drawn in its place: without it the page
	// keeps a marked space to stamp by hand.
	SealPNG []byte
}

// Signatory signs under the certificate; SignaturePNG is optional.
type Signatory struct {
	Name, TitleZH, TitleEN string
	SignaturePNG           []byte
}

// texts returns every string the certificate prints, for checks and fonts.
func (c Certificate) texts() []string {
	return []string{c.Serial, c.Name, c.NameLatin, c.TitleZH, c.TitleEN, c.BodyZH, c.BodyEN, c.DateZH, c.DateEN, c.QR}
}

func (s Style) texts() []string {
	out := []string{s.IssuerZH, s.IssuerEN}
	for _, g := range s.Signatories {
		out = append(out, g.Name, g.TitleZH, g.TitleEN)
	}
	return out
}

// validate refuses what would print wrong: an unknown kind, a payload the
// Keywords cannot carry, characters the font lacks.
func (r *Renderer) validate(certs []Certificate, st Style) error {
	if len(st.Signatories) > 3 {
		return fmt.Errorf("pdf: at most 3 signatories fit under a certificate, got %d", len(st.Signatories))
	}
	if err := r.check(st.texts()); err != nil {
		return err
	}
	for i, c := range certs {
		if _, ok := headings[c.Kind]; !ok {
			return fmt.Errorf("pdf: certificate %d (%s): unknown kind %q", i+1, c.Serial, c.Kind)
		}
		if err := checkPayload(c.QR); err != nil {
			return err
		}
		if err := r.check(c.texts()); err != nil {
			return err
		}
	}
	return nil
}

// A4 landscape, in millimetres.
const (
	pageW   = 297.0
	pageH   = 210.0
	centerX = pageW / 2
)

// certificatePage draws c on a new page, with code as its QR code (nil for
// none). lines serves the pages of one document.
func certificatePage(f *gofpdf.Fpdf, c Certificate, st Style, code *goqr.QrCode, lines lineCache) error {
	f.AddPage()
	frame(f)

	// Masthead: issuer, heading, ornament.
	textColor(f, pgBlue)
	fit(f, st.IssuerZH, 12, 200)
	centered(f, st.IssuerZH, centerX, 27)
	textColor(f, grey)
	fit(f, st.IssuerEN, 8.5, 200)
	centered(f, st.IssuerEN, centerX, 32)
	h := headings[c.Kind]
	textColor(f, pgBlue)
	f.SetFontSize(38)
	spaced(f, h[0], centerX, 50, 38*ptToMM*[]float64{0, 0, 1, 0.6, 0.5}[len([]rune(h[0]))])
	textColor(f, gold)
	f.SetFontSize(15)
	centered(f, h[1], centerX, 59)
	rule(f, 63)

	body(f, c, lines)
	footer(f, c, st, code)
	return f.Error()
}

// frame draws the border: a blue outer line, gold and blue inner lines and
// gold corner brackets, all vector lines.
func frame(f *gofpdf.Fpdf) {
	box := func(inset, width float64, c rgb) {
		drawColor(f, c)
		f.SetLineWidth(width)
		f.Rect(inset, inset, pageW-2*inset, pageH-2*inset, "D")
	}
	box(7, 1.8, pgBlue)
	box(10.2, 0.7, gold)
	box(11.8, 0.25, pgBlue)

	drawColor(f, gold)
	f.SetLineWidth(0.9)
	const in, arm = 15.0, 16.0
	for _, corner := range [][4]float64{{in, in, 1, 1}, {pageW - in, in, -1, 1}, {in, pageH - in, 1, -1}, {pageW - in, pageH - in, -1, -1}} {
		x, y, dx, dy := corner[0], corner[1], corner[2], corner[3]
		f.Line(x, y, x+dx*arm, y)
		f.Line(x, y, x, y+dy*arm)
		diamond(f, x+dx*3.2, y+dy*3.2, 1.6, gold)
	}
}

// diamond fills a small square standing on its point.
func diamond(f *gofpdf.Fpdf, cx, cy, r float64, c rgb) {
	fillColor(f, c)
	f.Polygon([]gofpdf.PointType{{X: cx, Y: cy - r}, {X: cx + r, Y: cy}, {X: cx, Y: cy + r}, {X: cx - r, Y: cy}}, "F")
}

// rule draws the gold line under the heading, with a diamond at its middle.
func rule(f *gofpdf.Fpdf, y float64) {
	drawColor(f, gold)
	f.SetLineWidth(0.4)
	f.Line(centerX-42, y, centerX-4, y)
	f.Line(centerX+4, y, centerX+42, y)
	diamond(f, centerX, y, 1.8, gold)
}

// block is a run of centred lines in one size and colour.
type block struct {
	text  string
	size  float64 // points
	width float64 // wrapping width, mm
	color rgb
	gap   float64 // space above, mm
	lines []string
}

// body sets the name, the wording and the title between the heading and the
// signatures, centred vertically in that space; long text shrinks until it
// fits.
func body(f *gofpdf.Fpdf, c Certificate, lines lineCache) {
	const top, bottom = 67.0, 146.0
	name := block{text: c.Name, size: 36, width: 230, color: ink}
	latin := block{text: c.NameLatin, size: 14, width: 230, color: grey, gap: 1.5}
	for scale := 1.0; ; scale -= 0.05 {
		blocks := []block{
			{text: c.BodyZH, size: 13 * scale, width: 220, color: ink, gap: 6},
			{text: c.BodyEN, size: 10.5 * scale, width: 225, color: grey, gap: 2},
			{text: c.TitleZH, size: 19 * scale, width: 210, color: pgBlue, gap: 5},
			{text: c.TitleEN, size: 12.5 * scale, width: 220, color: pgBlue, gap: 1.5},
		}
		fitLine(f, &name)
		fitLine(f, &latin)
		total := name.size*ptToMM*lineSpacing + latin.gap + latin.size*ptToMM*lineSpacing
		for i := range blocks {
			total += height(f, &blocks[i], lines)
		}
		if total <= bottom-top || scale < 0.6 {
			y := top + (bottom-top-total)/2
			for _, b := range append([]block{name, latin}, blocks...) {
				y = printBlock(f, b, y)
			}
			return
		}
	}
}

// fitLine keeps a name on one line by shrinking it.
func fitLine(f *gofpdf.Fpdf, b *block) {
	if b.text == "" {
		return
	}
	fit(f, b.text, b.size, b.width)
	b.size, _ = f.GetFontSize()
	b.lines = []string{b.text}
}

const lineSpacing = 1.45

// lineCache keeps how texts wrapped, by text, size and width: the
// certificates of a batch mostly share their wording, and wrapping
// measures every word, at each size tried.
type lineCache map[lineKey][]string

type lineKey struct {
	text        string
	size, width float64
}

// height wraps b and returns the height it takes, gap included.
func height(f *gofpdf.Fpdf, b *block, lines lineCache) float64 {
	if b.text == "" {
		b.lines = nil
		return 0
	}
	key := lineKey{b.text, b.size, b.width}
	if b.lines = lines[key]; b.lines == nil {
		f.SetFontSize(b.size)
		b.lines = wrap(b.text, b.width, f.GetStringWidth)
		lines[key] = b.lines
	}
	return b.gap + float64(len(b.lines))*b.size*ptToMM*lineSpacing
}

// printBlock prints b's lines from y down and returns where it ends.
func printBlock(f *gofpdf.Fpdf, b block, y float64) float64 {
	if len(b.lines) == 0 {
		return y
	}
	f.SetFontSize(b.size)
	textColor(f, b.color)
	lh := b.size * ptToMM * lineSpacing
	y += b.gap
	for _, l := range b.lines {
		// The baseline sits about three quarters down the line box.
		centered(f, l, centerX, y+lh*0.78)
		y += lh
	}
	return y
}
