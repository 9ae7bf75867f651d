package pdf

import (
	"fmt"
	"strings"

	"golang.org/x/image/font/sfnt"
)

// Unprintable returns, in ascending order and once each, the runes of s
// the font has no glyph for: they would print as an empty box. A newline
// is a line break, not a glyph, and is allowed. Characters beyond U+FFFF
// that the font has print (see subset.go).
func (r *Renderer) Unprintable(s string) []rune {
	bad := map[rune]bool{}
	var buf sfnt.Buffer
	for _, c := range s {
		if c == '\n' || bad[c] {
			continue
		}
		if gi, err := r.font.GlyphIndex(&buf, c); err != nil || gi == 0 {
			bad[c] = true
		}
	}
	if len(bad) == 0 {
		return nil
	}
	return sortedRunes(bad)
}

// UnprintableError says which text holds characters the font cannot print.
type UnprintableError struct {
	Text  string
	Runes []rune
}

func (e *UnprintableError) Error() string {
	parts := make([]string, len(e.Runes))
	for i, c := range e.Runes {
		parts[i] = fmt.Sprintf("%q (U+%04X)", c, c)
	}
	return fmt.Sprintf("pdf: %q holds characters the font cannot print: %s", e.Text, strings.Join(parts, ", "))
}

// check refuses the first text holding an unprintable character.
func (r *Renderer) check(texts []string) error {
	for _, s := range texts {
		if bad := r.Unprintable(s); bad != nil {
			return &UnprintableError{Text: s, Runes: bad}
		}
	}
	return nil
}
