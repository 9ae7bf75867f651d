package pdf

import (
	"math/bits"
	"sync"

	goqr "github.com/piglig/go-qr"
)

// Choosing a QR code's mask the way the standard asks (the one of eight
// whose pattern scores the fewest penalty points: long runs, 2×2 blocks,
// finder-like patterns, an unbalanced share of dark modules) is most of
// the cost of a code in go-qr, which scores module by module: half a
// millisecond a certificate. Here the code is encoded once with mask 0,
// unmasked, and each mask scored on rows and columns held as bits, a few
// dozen word operations a row; go-qr then encodes the chosen mask. Codes
// wider than 64 modules (payloads longer than a certificate's) are left
// to go-qr.

// maskGrid is a code's modules as bits: rows[y] bit x, cols[x] bit y;
// ecl is its error correction level as format information writes it.
type maskGrid struct {
	n, ecl     int
	rows, cols [64]uint64
}

func (g *maskGrid) flip(x, y int) {
	g.rows[y] ^= 1 << x
	g.cols[x] ^= 1 << y
}

func (g *maskGrid) set(x, y int, dark bool) {
	if (g.rows[y]>>x&1 == 1) != dark {
		g.flip(x, y)
	}
}

// maskAt reports whether mask k inverts the module at column x, row y.
func maskAt(k, x, y int) bool {
	switch k {
	case 0:
		return (x+y)%2 == 0
	case 1:
		return y%2 == 0
	case 2:
		return x%3 == 0
	case 3:
		return (x+y)%3 == 0
	case 4:
		return (x/3+y/2)%2 == 0
	case 5:
		return x*y%2+x*y%3 == 0
	case 6:
		return (x*y%2+x*y%3)%2 == 0
	}
	return ((x+y)%2+x*y%3)%2 == 0
}

// functionModules are the modules of a code of size n that no mask
// changes: finder patterns with their separators, timing, alignment
// patterns, format and version information.
var functionModules sync.Map // n → *maskGrid

func functionsOf(n int) *maskGrid {
	if f, ok := functionModules.Load(n); ok {
		return f.(*maskGrid)
	}
	f := &maskGrid{n: n}
	mark := func(x, y int) {
		if x >= 0 && y >= 0 && x < n && y < n {
			f.set(x, y, true)
		}
	}
	for i := range n {
		mark(6, i)
		mark(i, 6)
	}
	for _, c := range [][2]int{{3, 3}, {n - 4, 3}, {3, n - 4}} {
		for dy := -4; dy <= 4; dy++ {
			for dx := -4; dx <= 4; dx++ {
				mark(c[0]+dx, c[1]+dy)
			}
		}
	}
	version := (n - 17) / 4
	if version > 1 {
		count := version/7 + 2
		step := (version*4 + count*2 + 1) / (count*2 - 2) * 2
		pos := make([]int, count)
		pos[0] = 6
		for i, p := count-1, n-7; i >= 1; i, p = i-1, p-step {
			pos[i] = p
		}
		for i, y := range pos {
			for j, x := range pos {
				if i == 0 && j == 0 || i == 0 && j == count-1 || i == count-1 && j == 0 {
					continue
				}
				for d := -2; d <= 2; d++ {
					for e := -2; e <= 2; e++ {
						mark(x+d, y+e)
					}
				}
			}
		}
	}
	for i := 0; i <= 8; i++ {
		mark(8, i)
		mark(i, 8)
	}
	for i := range 8 {
		mark(n-1-i, 8)
		mark(8, n-1-i)
	}
	if version >= 7 {
		for i := range 18 {
			mark(n-11+i%3, i/3)
			mark(i/3, n-11+i%3)
		}
	}
	functionModules.Store(n, f)
	return f
}

// formatBits are the 15 bits of format information for level ecl (as
// format information writes it: L 01, M 00, Q 11, H 10) and mask k.
func formatBits(ecl, k int) int {
	data := ecl<<3 | k
	rem := data
	for range 10 {
		rem = rem<<1 ^ (rem>>9)*0x537
	}
	return (data<<10 | rem) ^ 0x5412
}

// putFormat draws the format information of mask k, both copies.
func (g *maskGrid) putFormat(k int) {
	b := formatBits(g.ecl, k)
	bit := func(i int) bool { return b>>i&1 == 1 }
	n := g.n
	for i := range 6 {
		g.set(8, i, bit(i))
	}
	g.set(8, 7, bit(6))
	g.set(8, 8, bit(7))
	g.set(7, 8, bit(8))
	for i := 9; i < 15; i++ {
		g.set(14-i, 8, bit(i))
	}
	for i := range 8 {
		g.set(n-1-i, 8, bit(i))
	}
	for i := 8; i < 15; i++ {
		g.set(8, n-15+i, bit(i))
	}
	g.set(8, n-8, true)
}

// maskPatterns are, by size, the modules each mask inverts: those its
// formula picks that are not function modules.
var maskPatterns sync.Map // n → *[8]maskGrid

func patternsOf(n int) *[8]maskGrid {
	if p, ok := maskPatterns.Load(n); ok {
		return p.(*[8]maskGrid)
	}
	f := functionsOf(n)
	var p [8]maskGrid
	for k := range p {
		p[k].n = n
		for y := range n {
			for x := range n {
				if f.rows[y]>>x&1 == 0 && maskAt(k, x, y) {
					p[k].flip(x, y)
				}
			}
		}
	}
	maskPatterns.Store(n, &p)
	return &p
}

// masked returns the grid with mask k applied to data (an unmasked grid)
// and its format information drawn.
func masked(data *maskGrid, k int) *maskGrid {
	g := *data
	p := &patternsOf(g.n)[k]
	for i := range g.n {
		g.rows[i] ^= p.rows[i]
		g.cols[i] ^= p.cols[i]
	}
	g.putFormat(k)
	return &g
}

// penalty scores a grid as the standard's mask evaluation does.
func (g *maskGrid) penalty() int {
	n := g.n
	all := uint64(1)<<n - 1
	score, dark := 0, 0
	line := func(a uint64) {
		for _, x := range []uint64{a, ^a & all} {
			// Runs of five or more: 3, and 1 more for each module beyond.
			w := x & (x >> 1) & (x >> 2) & (x >> 3) & (x >> 4)
			score += bits.OnesCount64(w) + 2*bits.OnesCount64(w&^(w<<1))
		}
		// Dark 1:1:3:1:1 with four light modules (or the edge) before or
		// after it: 40.
		l := ^a
		f := a & (l >> 1) & (a >> 2) & (a >> 3) & (a >> 4) & (l >> 5) & (a >> 6) & (all >> 6)
		before := (l << 1) & (l << 2) & (l << 3) & (l << 4)
		after := (l >> 7) & (l >> 8) & (l >> 9) & (l >> 10)
		score += 40 * bits.OnesCount64(f&(before|after))
	}
	for i := range n {
		line(g.rows[i])
		line(g.cols[i])
		dark += bits.OnesCount64(g.rows[i])
		if i+1 < n {
			a, b := g.rows[i], g.rows[i+1]
			same := ^(a ^ b) & all
			score += 3 * bits.OnesCount64(same&(same>>1)&^(a^(a>>1))&(all>>1))
		}
	}
	total := n * n
	k := (abs(dark*20-total*10)+total-1)/total - 1
	return score + 10*max(k, 0)
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

// unmasked is code0's modules with mask 0 taken off, and its level read
// from its format information.
func unmasked(code0 *goqr.QrCode) *maskGrid {
	n := code0.Size()
	g := &maskGrid{n: n}
	for y := range n {
		for x := range n {
			if code0.Module(x, y) {
				g.flip(x, y)
			}
		}
	}
	p := &patternsOf(n)[0]
	for i := range n {
		g.rows[i] ^= p.rows[i]
		g.cols[i] ^= p.cols[i]
	}
	format := 0
	for i := range 6 {
		format |= b2i(code0.Module(8, i)) << i
	}
	format |= b2i(code0.Module(8, 7))<<6 | b2i(code0.Module(8, 8))<<7 | b2i(code0.Module(7, 8))<<8
	for i := 9; i < 15; i++ {
		format |= b2i(code0.Module(14-i, 8)) << i
	}
	g.ecl = (format ^ 0x5412) >> 13
	return g
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// bestMask returns the mask of least penalty for the code that code0 (the
// same data encoded with mask 0) draws.
func bestMask(code0 *goqr.QrCode) int {
	data := unmasked(code0)
	best, bestScore := 0, -1
	for k := range 8 {
		if s := masked(data, k).penalty(); bestScore < 0 || s < bestScore {
			best, bestScore = k, s
		}
	}
	return best
}
