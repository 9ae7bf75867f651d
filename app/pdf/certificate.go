package pdf

import (
	"fmt"
	"strings"

	goqr "github.com/piglig/go-qr"
)

// Certificate is one page: an honor certificate (荣誉证书), a letter of
// appointment (聘书) or a certificate of appreciation (感谢状), Chinese
// first and English second. The caller fills in the wording.
type Certificate struct {
	Kind      string // "honor", "appointment" or "thanks"
	Serial    string
	Name      string // printed large, usually Chinese
	NameLatin string // under it, in Latin letters
	// BodyZH and BodyEN are the wording, filled in. What lies between
	// keepOpen and keepClose (a title, a name) never breaks over lines.
	BodyZH, BodyEN string
	Date           string // printed once
	QR             string // the verification payload: printable ASCII, no spaces; empty for none
	Reprint        bool   // a paper printed again after a first one
}

// keepOpen and keepClose mark a span of a body that stays on one line.
const (
	keepOpen  = '\x02'
	keepClose = '\x03'
)

// keep marks s as a span that stays on one line.
func keep(s string) string { return string(keepOpen) + s + string(keepClose) }

// unmarked is s without the keep marks: what is printed.
func unmarked(s string) string {
	return strings.NewReplacer(string(keepOpen), "", string(keepClose), "").Replace(s)
}

// Style is what every certificate of a batch shares: who issues it and who
// signs it.
type Style struct {
	IssuerZH, IssuerEN string
	Signatories        []Signatory
	// SealPNG is the organizer's own seal image (transparent PNG). A seal is
	// a legal mark, so none is ever drawn in its place, and without one
	// nothing marks a space for it either.
	SealPNG []byte
}

// Signatory signs under the certificate; SignaturePNG is optional. One
// without a name is not printed.
type Signatory struct {
	Name, TitleZH, TitleEN string
	SignaturePNG           []byte
}

// texts returns every string the certificate prints, for checks and fonts.
func (c Certificate) texts() []string {
	return []string{c.Serial, c.Name, c.NameLatin, unmarked(c.BodyZH), unmarked(c.BodyEN), c.Date, c.QR}
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

// A4 landscape, in millimetres. Everything that must not be cut stays at
// least safeMargin inside the trim: office printers cannot print to the
// edge, and a print shop trims with some play.
const (
	pageW      = 297.0
	pageH      = 210.0
	centerX    = pageW / 2
	safeMargin = 10.0
)

// The palette of a certificate beyond draw.go's: the English line dark
// enough to read.
var (
	english = rgb{68, 68, 68}
	soft    = rgb{96, 96, 96}
)

// fixedLayer draws what every certificate of kind in a batch shares: the
// frame, the heading, the issuer, the signatories, the seal and the fixed
// labels. A PDF draws it once per document, as a form every page uses.
func fixedLayer(cv canvas, r *Renderer, kind string, st Style) error {
	frame(cv)

	h := headings[kind]
	centerFit(cv, r, st.IssuerZH, 12.5, 200, centerX, 28, pgBlue)
	centerFit(cv, r, st.IssuerEN, 8.5, 200, centerX, 33, soft)
	letterSpaced(cv, r, h[0], 38, headingTracking[len([]rune(h[0]))], centerX, 51, pgBlue)
	letterSpaced(cv, r, strings.ToUpper(h[1]), 10.5, 0.18, centerX, 59, gold)
	rule(cv, 64)

	centerFit(cv, r, labelScanZH+" "+labelScanEN, 7.5, qrBox+8, qrX+qrBox/2, qrY+qrBox+5, soft)
	// The serial's label ends where the serial starts (drawCertificate).
	label := labelSerialZH + " " + labelSerialEN + " "
	centerText(cv, r, label, 8, centerX-serialGap-setWidth(r, label, 8)/2, serialY, soft)
	if err := signatures(cv, r, st.Signatories); err != nil {
		return err
	}
	centerFit(cv, r, st.IssuerZH, 11, issuerW, issuerX, 172, ink)
	if len(st.SealPNG) > 0 {
		// Over the issuer, as a stamp is.
		return cv.image("seal", st.SealPNG, issuerX, 170, 38, 38)
	}
	return nil
}

// headingTracking is the space between the characters of a Chinese
// heading, in ems, by its length: 荣誉证书 4, 感谢状 3, 聘书 2.
var headingTracking = map[int]float64{2: 1.2, 3: 0.7, 4: 0.45}

// frame draws the border, all of it inside the safe margin: a blue outer
// line, gold and blue inner lines and gold corner brackets.
func frame(cv canvas) {
	box := func(inset, width float64, c rgb) {
		cv.strokeRect(inset, inset, pageW-2*inset, pageH-2*inset, width, c)
	}
	// The outer line's outer edge is at the safe margin.
	box(safeMargin+0.6, 1.2, pgBlue)
	box(safeMargin+3.2, 0.5, gold)
	box(safeMargin+4.4, 0.2, pgBlue)

	const in, arm = safeMargin + 7.5, 13.0
	for _, corner := range [][4]float64{{in, in, 1, 1}, {pageW - in, in, -1, 1}, {in, pageH - in, 1, -1}, {pageW - in, pageH - in, -1, -1}} {
		x, y, dx, dy := corner[0], corner[1], corner[2], corner[3]
		cv.line(x, y, x+dx*arm, y, 0.8, gold)
		cv.line(x, y, x, y+dy*arm, 0.8, gold)
		diamond(cv, x+dx*3, y+dy*3, 1.5, gold)
	}
}

// diamond fills a small square standing on its point.
func diamond(cv canvas, cx, cy, r float64, c rgb) {
	cv.polygon([][2]float64{{cx, cy - r}, {cx + r, cy}, {cx, cy + r}, {cx - r, cy}}, c)
}

// rule draws the gold line under the heading, with a diamond at its middle.
func rule(cv canvas, y float64) {
	cv.line(centerX-42, y, centerX-4, y, 0.4, gold)
	cv.line(centerX+4, y, centerX+42, y, 0.4, gold)
	diamond(cv, centerX, y, 1.8, gold)
}

// The lower band: the QR code at the left, the signatories in the middle,
// the issuer, the date and the seal at the right, the serial at the foot.
const (
	// qrBox is the QR code's width without its quiet zone: 31 mm, so a
	// 61-module code has modules of half a millimetre, which a 150 dpi
	// scan and a phone read.
	qrBox, qrX, qrY  = 31.0, 24.0, 149.0
	qrMax            = 42.0
	issuerX, issuerW = 240.0, 62.0
	bodyTop          = 97.0
	bodyBottom       = 145.0
	serialY          = 192.0
	serialGap        = 0.8
)

// drawCertificate draws c: the fixed parts of its kind and its wording
// as shared drawings (a batch's certificates of one level share their
// wording), then what is its own: the name, the serial and the QR code.
func drawCertificate(cv canvas, r *Renderer, c Certificate, st Style, code *goqr.QrCode, lines lineCache) error {
	if err := cv.shared("fixed\x00"+c.Kind, func() error { return fixedLayer(cv, r, c.Kind, st) }); err != nil {
		return err
	}
	if err := cv.shared("body\x00"+c.BodyZH+"\x00"+c.BodyEN+"\x00"+c.Date, func() error {
		body(cv, r, c, lines)
		centerFit(cv, r, c.Date, 11, issuerW, issuerX, 179.5, ink)
		return nil
	}); err != nil {
		return err
	}

	centerFit(cv, r, c.Name, 34, 220, centerX, 83, ink)
	if c.NameLatin != "" {
		centerFit(cv, r, c.NameLatin, 13, 220, centerX, 91, soft)
	}
	serial := c.Serial
	if c.Reprint {
		serial += "（" + labelReprintZH + " " + labelReprintEN + "）"
	}
	cv.text(centerX+serialGap, serialY, 8, soft, serial)
	if code != nil {
		// Modules of at least half a millimetre, as far as the band
		// holds: a long talk title makes a larger code, which grows up.
		side := min(max(qrBox, 0.5*float64(code.Size())), qrMax)
		cv.qr(code, qrX, qrY+qrBox-side, side/float64(code.Size()))
	}
	return nil
}

// signatures sets up to three signatories side by side in the middle of
// the lower band: the signature image if there is one, above a line, then
// the name and the titles. Without an image the name and titles alone are
// printed: no line to sign on.
func signatures(cv canvas, r *Renderer, sigs []Signatory) error {
	var named []Signatory
	for _, s := range sigs {
		if s.Name != "" {
			named = append(named, s)
		}
	}
	const left, right, colW = 78.0, 200.0, 44.0
	step := (right - left) / float64(max(1, len(named)))
	for i, s := range named {
		cx := left + step*(float64(i)+0.5)
		if len(s.SignaturePNG) > 0 {
			if err := cv.image(fmt.Sprintf("signature%d", i), s.SignaturePNG, cx, 165, colW, 13); err != nil {
				return err
			}
			cv.line(cx-colW/2, 172, cx+colW/2, 172, 0.25, soft)
		}
		centerFit(cv, r, s.Name, 12, colW+6, cx, 178, ink)
		centerFit(cv, r, s.TitleZH, 8.5, colW+6, cx, 183, soft)
		centerFit(cv, r, s.TitleEN, 8, colW+6, cx, 187, soft)
	}
	return nil
}

// body sets the wording between the name and the lower band, centred
// vertically in that space; long text shrinks until it fits.
func body(cv canvas, r *Renderer, c Certificate, lines lineCache) {
	type block struct {
		text         string
		size, width  float64
		color        rgb
		gap, spacing float64
		lines        []string
		lineH        float64
	}
	for scale := 1.0; ; scale -= 0.05 {
		blocks := []block{
			{text: c.BodyZH, size: 14 * scale, width: 205, color: ink, spacing: 1.7},
			{text: c.BodyEN, size: 11 * scale, width: 215, color: english, gap: 3, spacing: 1.45},
		}
		total := 0.0
		for i := range blocks {
			b := &blocks[i]
			b.lines = lines.wrap(r, b.text, b.size, b.width)
			b.lineH = b.size * ptToMM * b.spacing
			if len(b.lines) > 0 {
				total += b.gap + float64(len(b.lines))*b.lineH
			}
		}
		if total <= bodyBottom-bodyTop || scale < 0.6 {
			y := bodyTop + (bodyBottom-bodyTop-total)/2
			for _, b := range blocks {
				if len(b.lines) == 0 {
					continue
				}
				y += b.gap
				for _, l := range b.lines {
					// The baseline sits about three quarters down the line box.
					centerText(cv, r, l, b.size, centerX, y+b.lineH*0.74, b.color)
					y += b.lineH
				}
			}
			return
		}
	}
}

// lineCache keeps how texts wrapped, by text, size and width: the
// certificates of a batch mostly share their wording, and wrapping
// measures every word, at each size tried.
type lineCache map[lineKey][]string

type lineKey struct {
	text        string
	size, width float64
}

func (lc lineCache) wrap(r *Renderer, text string, size, width float64) []string {
	if text == "" {
		return nil
	}
	key := lineKey{text, size, width}
	if l, ok := lc[key]; ok {
		return l
	}
	measure := func(s string) float64 { return setWidth(r, s, size) }
	l := wrap(text, width, measure)
	// Centred lines read best balanced: the narrowest width that needs no
	// more lines, so the last line is not a stub.
	for lo, hi := width/2, width; len(l) > 1 && hi-lo > 1; {
		mid := (lo + hi) / 2
		if m := wrap(text, mid, measure); len(m) == len(l) {
			hi, l = mid, m
		} else {
			lo = mid
		}
	}
	lc[key] = l
	return l
}
