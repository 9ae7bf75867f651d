package cli

import (
	"io"
	"strconv"
	"unicode/utf8"

	"acedesk/app"
)

// escaper writes text to a terminal with every character that could
// steer it shown as an escape instead: control characters but the line
// feed and the tab (an ESC sequence clears the screen, a carriage return
// writes over a line), text-direction controls (they show a line in
// another order than it is), and bytes that are not UTF-8. Names and
// reasons come from databases and bundles others made: printed raw, one
// could forge what a command seems to say. In JSON output the escapes
// (\u001b, \u202e) read as the same string.
type escaper struct {
	w io.Writer
	// partial is the start of a character cut between two writes.
	partial []byte
}

func escaping(w io.Writer) io.Writer { return &escaper{w: w} }

func (e *escaper) Write(p []byte) (int, error) {
	data := append(e.partial, p...)
	e.partial = nil
	out := make([]byte, 0, len(data))
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size <= 1 && !utf8.FullRune(data[i:]):
			e.partial = append([]byte(nil), data[i:]...)
			i = len(data)
			continue
		case r == utf8.RuneError && size <= 1:
			out = append(out, `\x`...)
			out = append(out, hexByte(data[i])...)
		case r != '\n' && r != '\t' && app.ForbiddenRune(r, false):
			out = append(out, escapeRune(r)...)
		default:
			out = append(out, data[i:i+size]...)
		}
		i += size
	}
	if _, err := e.w.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}

func hexByte(b byte) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[b>>4], digits[b&15]})
}

// escapeRune is \u followed by the rune's four hex digits, as JSON and Go
// write it.
func escapeRune(r rune) string {
	s := strconv.FormatInt(int64(r), 16)
	for len(s) < 4 {
		s = "0" + s
	}
	return `\u` + s
}
