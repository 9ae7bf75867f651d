package pdf

import "strings"

// gofpdf's MultiCell and SplitText drop one CJK character at every automatic
// line break, so text is wrapped here and printed line by line.

// closing never starts a line; opening never ends one.
const (
	closing = "，。、；：？！）」』》】〉”’,.;:?!)]}%…·"
	opening = "（「『《【〈“‘([{"
)

// wide reports whether a line may break before and after c: CJK ideographs,
// kana, hangul, and full-width forms. Latin text breaks only at spaces.
func wide(c rune) bool {
	return c >= 0x2E80 && !(c >= 0xFF61 && c <= 0xFFDC) // half-width forms behave like Latin
}

// tokens splits one paragraph into the pieces a line may not break inside.
// A space is a token of its own; it is dropped where a line breaks.
func tokens(p string) []string {
	var out []string
	var cur strings.Builder
	var prev rune
	flush := func() {
		if cur.Len() > 0 {
			out = append(out, cur.String())
			cur.Reset()
		}
	}
	keeping := false
	for _, c := range p {
		// A kept span is one token, glued to the opening punctuation
		// before it; the closing punctuation after it glues as usual.
		switch {
		case c == keepOpen:
			if prev == 0 || !strings.ContainsRune(opening, prev) {
				flush()
			}
			keeping = true
			continue
		case c == keepClose:
			keeping = false
			flush()
			continue
		case keeping:
			cur.WriteRune(c)
			prev = c
			continue
		}
		switch {
		case c == ' ':
			flush()
			out = append(out, " ")
		case strings.ContainsRune(closing, c):
			if cur.Len() == 0 && len(out) > 0 {
				// Glue to the previous token (a CJK character just flushed),
				// across a space if there is one ("Bravo !").
				n := len(out) - 1
				if out[n] == " " && n > 0 {
					n--
				}
				cur.WriteString(strings.Join(out[n:], ""))
				out = out[:n]
			}
			cur.WriteRune(c)
		case prev != 0 && strings.ContainsRune(opening, prev):
			cur.WriteRune(c)
		case wide(c) || (prev != 0 && wide(prev) && !strings.ContainsRune(closing, prev)):
			flush()
			cur.WriteRune(c)
		default:
			cur.WriteRune(c)
		}
		if c == ' ' {
			prev = 0
		} else {
			prev = c
		}
	}
	flush()
	return out
}

// wrap breaks s into lines no wider than width as measured by measure.
// A newline starts a new paragraph. Spaces where a line breaks are dropped;
// every other character appears exactly once, in order. A line is wider
// than width only when it holds a single character with its punctuation.
func wrap(s string, width float64, measure func(string) float64) []string {
	var lines []string
	for _, p := range strings.Split(s, "\n") {
		lines = append(lines, wrapParagraph(p, width, measure)...)
	}
	return lines
}

func wrapParagraph(p string, width float64, measure func(string) float64) []string {
	var lines []string
	line := ""
	emit := func() {
		lines = append(lines, strings.TrimRight(line, " "))
		line = ""
	}
	for _, tok := range tokens(p) {
		if tok == " " && line == "" && len(lines) > 0 {
			continue // a space at a break
		}
		if measure(strings.TrimRight(line+tok, " ")) <= width {
			line += tok
			continue
		}
		if strings.TrimSpace(line) != "" {
			emit()
			if tok == " " {
				continue
			}
			if measure(tok) <= width {
				line = tok
				continue
			}
		}
		// A token wider than a line: break it between characters, but
		// still not before closing or after opening punctuation.
		for _, c := range tok {
			if line == "" || measure(line+string(c)) <= width {
				line += string(c)
				continue
			}
			rs := []rune(line)
			// k: where the last character and its closing punctuation start.
			k := len(rs) - 1
			for k > 0 && strings.ContainsRune(closing+" ", rs[k]) {
				k--
			}
			// o: where the trailing opening punctuation starts.
			o := len(rs)
			for o > 0 && strings.ContainsRune(opening, rs[o-1]) {
				o--
			}
			switch {
			case o < len(rs) && o > 0 && c != ' ' && !strings.ContainsRune(closing, c):
				// Carry the opening punctuation over with the character.
				line = string(rs[:o])
				emit()
				line = string(rs[o:]) + string(c)
			case o < len(rs):
				line += string(c)
			case c == ' ':
				line += " " // dropped if the line ends here
			case !strings.ContainsRune(closing, c):
				emit()
				line = string(c)
			case k > 0 && !strings.ContainsRune(opening, rs[k-1]):
				// Carry the last character over with its punctuation.
				line = string(rs[:k])
				emit()
				line = string(rs[k:]) + string(c)
			default:
				line += string(c)
			}
		}
	}
	if line != "" || len(lines) == 0 {
		emit()
	}
	return lines
}
