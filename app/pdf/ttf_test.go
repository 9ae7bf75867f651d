package pdf

import (
	"bytes"
	"encoding/binary"
	"testing"
)

// glyph returns a simple glyph (one contour) of n bytes, or a composite
// one built from parts.
func glyph(n int, parts ...int) []byte {
	if len(parts) == 0 {
		g := make([]byte, n)
		binary.BigEndian.PutUint16(g, 1)
		for i := 10; i < n; i++ {
			g[i] = byte(i)
		}
		return g
	}
	g := make([]byte, 10)
	binary.BigEndian.PutUint16(g, 0xFFFF) // numberOfContours -1
	for i, p := range parts {
		flags := uint16(0x0001 | 0x0008) // word arguments and a scale
		if i < len(parts)-1 {
			flags |= 0x0020
		}
		g = binary.BigEndian.AppendUint16(g, flags)
		g = binary.BigEndian.AppendUint16(g, uint16(p))
		g = append(g, 0, 1, 0, 2, 0x40, 0) // arguments and scale
	}
	for len(g)%4 != 0 {
		g = append(g, 0)
	}
	return g
}

func TestHollow(t *testing.T) {
	for _, long := range []bool{false, true} {
		glyphs := [][]byte{glyph(12), glyph(0, 3, 4), glyph(16), glyph(20), glyph(24), glyph(28)}
		head := make([]byte, 54)
		binary.BigEndian.PutUint32(head[8:], 0x12345678) // a stale checkSumAdjustment
		if long {
			binary.BigEndian.PutUint16(head[50:], 1)
		}
		maxp := make([]byte, 6)
		binary.BigEndian.PutUint16(maxp[4:], uint16(len(glyphs)))
		var glyf, loca []byte
		for _, g := range append(glyphs, nil) {
			if long {
				loca = binary.BigEndian.AppendUint32(loca, uint32(len(glyf)))
			} else {
				loca = binary.BigEndian.AppendUint16(loca, uint16(len(glyf)/2))
			}
			glyf = append(glyf, g...)
		}
		font := assembleTTF(0x00010000, []ttfTable{{tag: "glyf", data: glyf}, {tag: "head", data: head}, {tag: "loca", data: loca}, {tag: "maxp", data: maxp}, {tag: "name", data: []byte("abc")}})
		parsed, err := parseTTF(font)
		if err != nil {
			t.Fatal(err)
		}
		// Keep glyph 1 (a composite of 3 and 4) and glyph 5.
		out, err := parseTTF(parsed.hollow([]int{1, 5}))
		if err != nil {
			t.Fatal(err)
		}
		kept := []bool{true, true, false, true, true, true}
		for i, g := range out.glyphs {
			want := []byte(nil)
			if kept[i] {
				want = glyphs[i]
			}
			if !bytes.Equal(g, want) {
				t.Errorf("long loca %v: glyph %d = %x, want %x", long, i, g, want)
			}
		}
		if got := ttfChecksum(parsed.hollow([]int{1, 5})); got != 0xB1B0AFBA {
			t.Errorf("long loca %v: whole-font checksum %08X, want B1B0AFBA", long, got)
		}
	}
	if _, err := parseTTF([]byte("short")); err == nil {
		t.Error("parseTTF took 5 bytes")
	}
}
