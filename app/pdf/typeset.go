package pdf

// How the certificate layout sets a line of text: measured by the font's
// own advances (Renderer.width), so the PDF and the picture agree, with
// the spaces Chinese typesetting wants.

// piece is a run of a line printed at dx millimetres from its start.
type piece struct {
	dx float64
	s  string
}

// pieces splits s into the runs printed at size points and returns its
// width. A space between two CJK characters is not printed (a typed
// "赵霞婷 同志" reads "赵霞婷同志"); one between CJK and Latin letters or
// digits is a quarter em, as Chinese type sets them; others are spaces.
func pieces(r *Renderer, s string, size float64) ([]piece, float64) {
	rs := []rune(s)
	var out []piece
	x, start := 0.0, 0.0
	cur := []rune{}
	flush := func() {
		if len(cur) > 0 {
			out = append(out, piece{start, string(cur)})
			cur = cur[:0]
		}
	}
	for i, c := range rs {
		if c != ' ' {
			if len(cur) == 0 {
				start = x
			}
			cur = append(cur, c)
			x += r.advance(c) * size * ptToMM / 1000
			continue
		}
		prev, next := neighbour(rs, i, -1), neighbour(rs, i, 1)
		switch {
		case prev == 0 || next == 0:
			// Leading and trailing spaces take no room.
		case wide(prev) && wide(next):
		case wide(prev) != wide(next):
			flush()
			x += size * ptToMM / 4
		default:
			if len(cur) == 0 {
				start = x
			}
			cur = append(cur, c)
			x += r.advance(c) * size * ptToMM / 1000
		}
	}
	flush()
	return out, x
}

// neighbour is the first rune that is not a space from rs[i] in the
// direction step, 0 for none.
func neighbour(rs []rune, i, step int) rune {
	for i += step; i >= 0 && i < len(rs); i += step {
		if rs[i] != ' ' {
			return rs[i]
		}
	}
	return 0
}

// setWidth is the width of s as pieces sets it.
func setWidth(r *Renderer, s string, size float64) float64 {
	_, w := pieces(r, s, size)
	return w
}

// centerText prints s centred on cx with its baseline at y.
func centerText(cv canvas, r *Renderer, s string, size, cx, y float64, c rgb) {
	ps, w := pieces(r, s, size)
	for _, p := range ps {
		cv.text(cx-w/2+p.dx, y, size, c, p.s)
	}
}

// centerFit prints s centred on cx at size points, or smaller until it is
// no wider than width.
func centerFit(cv canvas, r *Renderer, s string, size, width, cx, y float64, c rgb) {
	if s == "" {
		return
	}
	if w := setWidth(r, s, size); w > width {
		size *= width / w
	}
	centerText(cv, r, s, size, cx, y, c)
}

// letterSpaced prints s centred on cx with tracking ems between its
// characters, as headings are set.
func letterSpaced(cv canvas, r *Renderer, s string, size, tracking, cx, y float64, c rgb) {
	rs := []rune(s)
	gap := tracking * size * ptToMM
	total := r.width(s, size) + gap*float64(len(rs)-1)
	x := cx - total/2
	for _, ch := range rs {
		if ch != ' ' {
			cv.text(x, y, size, c, string(ch))
		}
		x += r.width(string(ch), size) + gap
	}
}
