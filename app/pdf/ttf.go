package pdf

import (
	"encoding/binary"
	"errors"
	"sort"
)

// A TrueType font as gofpdf embeds it (a subset it has cut), split into
// its tables and glyphs, so one-page files cut from a batch can each carry
// only the glyphs their page shows.

var errTTF = errors.New("pdf: unexpected TrueType data")

type ttfTable struct {
	tag  string
	data []byte
	// sum is the table's checksum when known (summed), as a font cut into
	// one-page files keeps most of its tables unchanged.
	sum    uint32
	summed bool
}

type ttfFont struct {
	version  uint32
	tables   []ttfTable // in tag order, as the format wants them
	glyphs   [][]byte   // glyph i's outline, empty for none
	longLoca bool
}

func parseTTF(b []byte) (*ttfFont, error) {
	if len(b) < 12 {
		return nil, errTTF
	}
	t := &ttfFont{version: binary.BigEndian.Uint32(b)}
	n := int(binary.BigEndian.Uint16(b[4:]))
	if len(b) < 12+16*n {
		return nil, errTTF
	}
	byTag := map[string][]byte{}
	for i := range n {
		rec := b[12+16*i:]
		off, length := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		if uint64(off)+uint64(length) > uint64(len(b)) {
			return nil, errTTF
		}
		tag := string(rec[:4])
		byTag[tag] = b[off : off+length : off+length]
		t.tables = append(t.tables, ttfTable{tag: tag, data: byTag[tag]})
	}
	sort.Slice(t.tables, func(i, j int) bool { return t.tables[i].tag < t.tables[j].tag })
	head, maxp, loca, glyf := byTag["head"], byTag["maxp"], byTag["loca"], byTag["glyf"]
	if len(head) < 54 || len(maxp) < 6 {
		return nil, errTTF
	}
	t.longLoca = binary.BigEndian.Uint16(head[50:]) == 1
	count := int(binary.BigEndian.Uint16(maxp[4:]))
	offset := func(i int) (int, bool) {
		if t.longLoca {
			if len(loca) < 4*(i+1) {
				return 0, false
			}
			return int(binary.BigEndian.Uint32(loca[4*i:])), true
		}
		if len(loca) < 2*(i+1) {
			return 0, false
		}
		return 2 * int(binary.BigEndian.Uint16(loca[2*i:])), true
	}
	t.glyphs = make([][]byte, count)
	for i := range count {
		from, ok1 := offset(i)
		to, ok2 := offset(i + 1)
		if !ok1 || !ok2 || from > to || to > len(glyf) {
			return nil, errTTF
		}
		t.glyphs[i] = glyf[from:to:to]
	}
	return t, nil
}

// components returns the glyphs a composite glyph is built from.
func components(g []byte) []int {
	var out []int
	for _, at := range componentRefs(g) {
		out = append(out, int(binary.BigEndian.Uint16(g[at:])))
	}
	return out
}

// componentRefs returns where in a composite glyph the numbers of the
// glyphs it is built from are; none for a simple glyph.
func componentRefs(g []byte) []int {
	if len(g) < 10 || int16(binary.BigEndian.Uint16(g)) >= 0 {
		return nil
	}
	const (
		argsAreWords  = 0x0001
		haveScale     = 0x0008
		moreComponent = 0x0020
		haveXYScale   = 0x0040
		have2x2       = 0x0080
	)
	var out []int
	for p := 10; p+4 <= len(g); {
		flags := binary.BigEndian.Uint16(g[p:])
		out = append(out, p+2)
		p += 4
		if flags&argsAreWords != 0 {
			p += 4
		} else {
			p += 2
		}
		switch {
		case flags&haveScale != 0:
			p += 2
		case flags&haveXYScale != 0:
			p += 4
		case flags&have2x2 != 0:
			p += 8
		}
		if flags&moreComponent == 0 {
			break
		}
	}
	return out
}

// hollow returns the font with the outlines of every glyph but those in
// keep (and the glyphs they are built from, and glyph 0) left empty. Glyph
// numbers stay as they are, so the document's CIDToGIDMap still holds.
func (t *ttfFont) hollow(keep []int) []byte {
	kept := make([]bool, len(t.glyphs))
	var mark func(i int)
	mark = func(i int) {
		if i < 0 || i >= len(kept) || kept[i] {
			return
		}
		kept[i] = true
		for _, c := range components(t.glyphs[i]) {
			mark(c)
		}
	}
	mark(0)
	for _, i := range keep {
		mark(i)
	}
	var glyf, loca []byte
	putOffset := func(off int) {
		if t.longLoca {
			loca = binary.BigEndian.AppendUint32(loca, uint32(off))
		} else {
			loca = binary.BigEndian.AppendUint16(loca, uint16(off/2))
		}
	}
	for i, g := range t.glyphs {
		putOffset(len(glyf))
		if kept[i] {
			glyf = append(glyf, g...)
			for len(glyf)%4 != 0 {
				glyf = append(glyf, 0)
			}
		}
	}
	putOffset(len(glyf))
	tables := make([]ttfTable, len(t.tables))
	for i, tb := range t.tables {
		switch tb.tag {
		case "glyf":
			tb.data = glyf
		case "loca":
			tb.data = loca
		default:
			// The others are the same in every cut: summed once.
			if !tb.summed {
				tb.sum, tb.summed = tableChecksum(tb), true
				t.tables[i] = tb
			}
		}
		tables[i] = tb
	}
	return assembleTTF(t.version, tables)
}

// tableChecksum is a table's checksum as the directory gives it: head's
// with its checkSumAdjustment counted as zero.
func tableChecksum(tb ttfTable) uint32 {
	sum := ttfChecksum(tb.data)
	if tb.tag == "head" && len(tb.data) >= 12 {
		sum -= binary.BigEndian.Uint32(tb.data[8:])
	}
	return sum
}

// assembleTTF writes the tables with their directory and checksums.
func assembleTTF(version uint32, tables []ttfTable) []byte {
	n := len(tables)
	entrySelector := 0
	for 1<<(entrySelector+1) <= n {
		entrySelector++
	}
	searchRange := 16 << entrySelector
	size := 12 + 16*n
	for _, tb := range tables {
		size += (len(tb.data) + 3) &^ 3
	}
	out := make([]byte, 12+16*n, size)
	binary.BigEndian.PutUint32(out, version)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	binary.BigEndian.PutUint16(out[6:], uint16(searchRange))
	binary.BigEndian.PutUint16(out[8:], uint16(entrySelector))
	binary.BigEndian.PutUint16(out[10:], uint16(16*n-searchRange))
	headAt := -1
	var total uint32
	for i, tb := range tables {
		off := len(out)
		out = append(out, tb.data...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
		if tb.tag == "head" {
			headAt = off
			// checkSumAdjustment counts as zero in every checksum.
			binary.BigEndian.PutUint32(out[off+8:], 0)
		}
		sum := tb.sum
		if !tb.summed {
			sum = ttfChecksum(out[off : off+len(tb.data)])
		}
		total += sum
		rec := out[12+16*i:]
		copy(rec, tb.tag)
		binary.BigEndian.PutUint32(rec[4:], sum)
		binary.BigEndian.PutUint32(rec[8:], uint32(off))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(tb.data)))
	}
	// The whole font's checksum is its directory's and its tables'.
	if headAt >= 0 {
		binary.BigEndian.PutUint32(out[headAt+8:], 0xB1B0AFBA-(ttfChecksum(out[:12+16*n])+total))
	}
	return out
}

func ttfChecksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}
