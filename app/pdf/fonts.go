package pdf

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"

	"github.com/jung-kurt/gofpdf"
	"golang.org/x/image/font/sfnt"
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

// Renderer draws documents. It reads the font's character map once; make
// one per process (or per batch) and share it: its methods are safe for
// concurrent use.
type Renderer struct {
	font *sfnt.Font
}

// New parses the embedded font's tables.
func New() (*Renderer, error) {
	f, err := sfnt.Parse(wenkai)
	if err != nil {
		return nil, fmt.Errorf("pdf: parse font: %w", err)
	}
	return &Renderer{font: f}, nil
}

// subset cuts the glyphs of the given texts (plus printable ASCII) out of
// the full font. gofpdf parses a font completely every time a document
// loads it; parsing the 15.7 MB font costs far more than the page itself,
// while parsing a subset of a few hundred glyphs is cheap. So a batch pays
// for one cut of the full font, and each of its documents loads the small
// subset. The caller must have refused unprintable text first.
func (r *Renderer) subset(texts []string) (font []byte, err error) {
	seen := map[rune]bool{}
	var b strings.Builder
	b.WriteString(asciiPrintable)
	for _, r := range asciiPrintable {
		seen[r] = true
	}
	for _, s := range texts {
		for _, r := range s {
			if !seen[r] && r != '\n' {
				seen[r] = true
				b.WriteRune(r)
			}
		}
	}
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("pdf: cut font: %v", p)
		}
	}()
	// gofpdf writes into the bytes it is given: hand it a copy.
	font = gofpdf.UTF8CutFont(append([]byte(nil), wenkai...), b.String())
	if len(font) == 0 {
		return nil, fmt.Errorf("pdf: cut font: empty result")
	}
	return font, nil
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
