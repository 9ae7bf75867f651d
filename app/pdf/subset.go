package pdf

import (
	"encoding/binary"
	"fmt"
	"slices"
	"strings"
	"unicode/utf16"
)

// gofpdf reads only a font's format-4 character map and keeps its
// characters as 16-bit codes (CID = the character, the CIDToGIDMap 64 K
// entries long), so a character beyond U+FFFF cannot reach it: its UTF-8
// path panics on one. A batch's font is therefore cut here, with a
// format-4 map of its own in which each character beyond U+FFFF is given
// a free code of the Private Use Area (U+E000–U+F8FF). Text goes to gofpdf
// with those codes in place of the characters (subset.bmp), and the
// document's ToUnicode map, written afterwards (subset.toUnicode), maps
// the codes back: text extraction, search and copy and paste see the real
// characters.

// subset is a batch's font: the glyphs of its characters only.
type subset struct {
	font []byte
	// pua maps each character beyond U+FFFF to the code standing in for it,
	// and back from maps the codes in the document to their characters.
	pua  map[rune]rune
	back map[rune]rune
	// runes are the document codes the font maps, ascending.
	runes []rune
}

// bmp returns s as gofpdf is given it: characters beyond U+FFFF replaced by
// their codes.
func (s *subset) bmp(text string) string {
	if len(s.pua) == 0 {
		return text
	}
	return strings.Map(func(r rune) rune {
		if c, ok := s.pua[r]; ok {
			return c
		}
		return r
	}, text)
}

// cutSubset cuts the glyphs of runes (with glyph 0 and the glyphs that
// composite glyphs are built from) out of full, renumbered from 1 in the
// order of runes, with a format-4 character map. gid gives each rune's
// glyph in full; the caller has refused runes the font lacks.
func cutSubset(full *ttfFont, runes []rune, gid func(rune) (int, error)) (*subset, error) {
	used := map[rune]bool{}
	for _, r := range runes {
		used[r] = true
	}
	s := &subset{pua: map[rune]rune{}, back: map[rune]rune{}}
	free := rune(0xF8FF)
	for _, r := range runes {
		if r <= 0xFFFF {
			continue
		}
		for used[free] {
			free--
		}
		if free < 0xE000 {
			return nil, fmt.Errorf("pdf: more characters beyond U+FFFF than the Private Use Area holds")
		}
		s.pua[r], s.back[free] = free, r
		used[free] = true
	}

	newID := map[int]int{0: 0}
	order := []int{0}
	var add func(g int) error
	add = func(g int) error {
		if _, ok := newID[g]; ok {
			return nil
		}
		if g < 0 || g >= len(full.glyphs) {
			return errTTF
		}
		newID[g] = len(order)
		order = append(order, g)
		for _, c := range components(full.glyphs[g]) {
			if err := add(c); err != nil {
				return err
			}
		}
		return nil
	}
	cmap := map[rune]int{}
	for _, r := range runes {
		g, err := gid(r)
		if err != nil {
			return nil, err
		}
		if err := add(g); err != nil {
			return nil, err
		}
		code := r
		if c, ok := s.pua[r]; ok {
			code = c
		}
		cmap[code] = newID[g]
		s.runes = append(s.runes, code)
	}
	slices.Sort(s.runes)

	tables := map[string][]byte{}
	for _, t := range full.tables {
		tables[t.tag] = t.data
	}
	hmtx, hhea := tables["hmtx"], tables["hhea"]
	if len(hhea) < 36 {
		return nil, errTTF
	}
	numLong := int(binary.BigEndian.Uint16(hhea[34:]))
	metric := func(g int) (advance, lsb uint16, err error) {
		if numLong == 0 || len(hmtx) < 4*numLong {
			return 0, 0, errTTF
		}
		if g < numLong {
			return binary.BigEndian.Uint16(hmtx[4*g:]), binary.BigEndian.Uint16(hmtx[4*g+2:]), nil
		}
		at := 4*numLong + 2*(g-numLong)
		if at+2 > len(hmtx) {
			return 0, 0, errTTF
		}
		return binary.BigEndian.Uint16(hmtx[4*(numLong-1):]), binary.BigEndian.Uint16(hmtx[at:]), nil
	}

	var glyf, loca, newHmtx []byte
	for _, g := range order {
		loca = binary.BigEndian.AppendUint32(loca, uint32(len(glyf)))
		glyf = append(glyf, renumberComponents(full.glyphs[g], newID)...)
		for len(glyf)%4 != 0 {
			glyf = append(glyf, 0)
		}
		adv, lsb, err := metric(g)
		if err != nil {
			return nil, err
		}
		newHmtx = binary.BigEndian.AppendUint16(newHmtx, adv)
		newHmtx = binary.BigEndian.AppendUint16(newHmtx, lsb)
	}
	loca = binary.BigEndian.AppendUint32(loca, uint32(len(glyf)))

	head := slices.Clone(tables["head"])
	binary.BigEndian.PutUint16(head[50:], 1) // long loca offsets
	maxp := slices.Clone(tables["maxp"])
	binary.BigEndian.PutUint16(maxp[4:], uint16(len(order)))
	hhea = slices.Clone(hhea)
	binary.BigEndian.PutUint16(hhea[34:], uint16(len(order)))
	post := tables["post"]
	if len(post) < 32 {
		return nil, errTTF
	}
	// Version 3: no glyph names, which would name the old glyph numbers.
	post = slices.Clone(post[:32])
	binary.BigEndian.PutUint32(post, 0x00030000)

	out := []ttfTable{
		{tag: "OS/2", data: tables["OS/2"]}, {tag: "cmap", data: format4(cmap)}, {tag: "glyf", data: glyf}, {tag: "head", data: head},
		{tag: "hhea", data: hhea}, {tag: "hmtx", data: newHmtx}, {tag: "loca", data: loca}, {tag: "maxp", data: maxp},
		{tag: "name", data: tables["name"]}, {tag: "post", data: post},
	}
	// Hinting refers to no glyph numbers: it is kept as it is.
	for _, tag := range []string{"cvt ", "fpgm", "gasp", "prep"} {
		if t, ok := tables[tag]; ok {
			out = append(out, ttfTable{tag: tag, data: t})
		}
	}
	slices.SortFunc(out, func(a, b ttfTable) int { return strings.Compare(a.tag, b.tag) })
	for _, t := range out {
		if t.data == nil {
			return nil, fmt.Errorf("pdf: the font has no %s table", t.tag)
		}
	}
	s.font = assembleTTF(full.version, out)
	return s, nil
}

// renumberComponents returns glyph g with the glyph numbers of its
// components (a composite glyph) rewritten by newID.
func renumberComponents(g []byte, newID map[int]int) []byte {
	refs := componentRefs(g)
	if len(refs) == 0 {
		return g
	}
	out := slices.Clone(g)
	for _, at := range refs {
		binary.BigEndian.PutUint16(out[at:], uint16(newID[int(binary.BigEndian.Uint16(out[at:]))]))
	}
	return out
}

// format4 writes a cmap table with one format-4 subtable (Windows,
// Unicode BMP) mapping each code to its glyph, one segment per run of
// consecutive codes.
func format4(cmap map[rune]int) []byte {
	codes := make([]rune, 0, len(cmap))
	for c := range cmap {
		codes = append(codes, c)
	}
	slices.Sort(codes)
	type segment struct{ start, end rune }
	var segs []segment
	for _, c := range codes {
		if n := len(segs); n > 0 && segs[n-1].end == c-1 {
			segs[n-1].end = c
			continue
		}
		segs = append(segs, segment{c, c})
	}
	segs = append(segs, segment{0xFFFF, 0xFFFF})
	n := len(segs)
	search := 1
	for search*2 <= n {
		search *= 2
	}
	var ids []uint16
	var sub []byte
	u16 := func(v int) { sub = binary.BigEndian.AppendUint16(sub, uint16(v)) }
	u16(4)
	u16(0) // length, set below
	u16(0) // language
	u16(2 * n)
	u16(2 * search)
	entry := 0
	for 1<<(entry+1) <= n {
		entry++
	}
	u16(entry)
	u16(2*n - 2*search)
	for _, s := range segs {
		u16(int(s.end))
	}
	u16(0)
	for _, s := range segs {
		u16(int(s.start))
	}
	for range segs {
		u16(0) // idDelta: the glyphs are given in glyphIdArray
	}
	for i, s := range segs {
		if s.start == 0xFFFF {
			u16(0)
			continue
		}
		// idRangeOffset: from this entry to the segment's first glyph.
		u16(2 * (n - i + len(ids)))
		for c := s.start; c <= s.end; c++ {
			ids = append(ids, uint16(cmap[c]))
		}
	}
	for _, id := range ids {
		u16(int(id))
	}
	binary.BigEndian.PutUint16(sub[2:], uint16(len(sub)))
	head := []byte{0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12}
	return append(head, sub...)
}

// toUnicode writes the ToUnicode CMap of the codes the font maps: each to
// its character, a code of the Private Use Area to the character it
// stands for.
func (s *subset) toUnicode() []byte {
	var b strings.Builder
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo\n<</Registry (Adobe)\n/Ordering (UCS)\n/Supplement 0\n>> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for i := 0; i < len(s.runes); i += 100 {
		chunk := s.runes[i:min(i+100, len(s.runes))]
		fmt.Fprintf(&b, "%d beginbfchar\n", len(chunk))
		for _, code := range chunk {
			r := code
			if real, ok := s.back[code]; ok {
				r = real
			}
			fmt.Fprintf(&b, "<%04X> <", code)
			for _, u := range utf16.Encode([]rune{r}) {
				fmt.Fprintf(&b, "%04X", u)
			}
			b.WriteString(">\n")
		}
		b.WriteString("endbfchar\n")
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend")
	return []byte(b.String())
}
