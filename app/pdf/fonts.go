package pdf

import (
	_ "embed"
	"fmt"
	"math"
	"sort"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// wenkai is LXGW WenKai Regular, unmodified, copied from the Debian package
// fonts-lxgw-wenkai by `make fonts` (not committed: 15.7 MB).
//
//go:embed fonts/LXGWWenKai-Regular.ttf
var wenkai []byte

// family is the name documents use for the font.
const family = "wenkai"

// asciiPrintable is always in a document's font, so numbers and Latin
// labels never depend on what the caller's text happens to contain.
const asciiPrintable = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~"

// Renderer draws documents. It reads the font's tables once; make one per
// process (or per batch) and share it: its methods are safe for
// concurrent use.
type Renderer struct {
	font *sfnt.Font
	// full is the font's tables and glyphs, which batches cut their
	// subsets from.
	full *ttfFont
	// widths caches each character's advance in thousandths of an em, as
	// gofpdf rounds them.
	widths sync.Map
	upem   float64
}

// New parses the embedded font's tables.
func New() (*Renderer, error) {
	f, err := sfnt.Parse(wenkai)
	if err != nil {
		return nil, fmt.Errorf("pdf: parse font: %w", err)
	}
	full, err := parseTTF(wenkai)
	if err != nil {
		return nil, fmt.Errorf("pdf: parse font: %w", err)
	}
	return &Renderer{font: f, full: full, upem: float64(f.UnitsPerEm())}, nil
}

// glyph returns c's glyph in the full font.
func (r *Renderer) glyph(c rune) (int, error) {
	var buf sfnt.Buffer
	gi, err := r.font.GlyphIndex(&buf, c)
	if err != nil || gi == 0 {
		return 0, fmt.Errorf("pdf: the font has no glyph for %q (U+%04X)", c, c)
	}
	return int(gi), nil
}

// advance is c's advance in thousandths of an em.
func (r *Renderer) advance(c rune) float64 {
	if w, ok := r.widths.Load(c); ok {
		return w.(float64)
	}
	var buf sfnt.Buffer
	w := 0.0
	if gi, err := r.font.GlyphIndex(&buf, c); err == nil && gi != 0 {
		if adv, err := r.font.GlyphAdvance(&buf, gi, fixed.Int26_6(r.font.UnitsPerEm()), font.HintingNone); err == nil {
			w = math.Round(float64(adv) * 1000 / r.upem)
		}
	}
	r.widths.Store(c, w)
	return w
}

// width is the width of s set at size points, in millimetres.
func (r *Renderer) width(s string, size float64) float64 {
	w := 0.0
	for _, c := range s {
		w += r.advance(c)
	}
	return w * size * ptToMM / 1000
}

// subset cuts the glyphs of the given texts (plus printable ASCII) out of
// the full font. gofpdf parses a font completely every time a document
// loads it; parsing the 15.7 MB font costs far more than the page itself,
// while parsing a subset of a few hundred glyphs is cheap. So a batch pays
// for one cut of the full font, and each of its documents loads the small
// subset. The caller must have refused unprintable text first.
func (r *Renderer) subset(texts []string) (*subset, error) {
	seen := map[rune]bool{}
	var runes []rune
	for _, s := range append([]string{asciiPrintable}, texts...) {
		for _, c := range s {
			if !seen[c] && c >= ' ' {
				seen[c] = true
				runes = append(runes, c)
			}
		}
	}
	return cutSubset(r.full, runes, r.glyph)
}

// sortedRunes returns the distinct runes of set in ascending order.
func sortedRunes(set map[rune]bool) []rune {
	out := make([]rune, 0, len(set))
	for r := range set {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}
