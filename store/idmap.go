package store

// idMap maps a chapter's record IDs to values. Chapters number their
// records from 1 up, so the IDs of a bundle are mostly dense: a slice
// indexed by ID answers a lookup without hashing, and a merge of 200,000
// contributions looks each up several times (hashing took a tenth of the
// merge). An ID far beyond the number of entries (a sparse or hostile
// bundle) goes to a map instead, so memory stays proportional to the
// entries whatever the IDs.
type idMap struct {
	vals []uint64
	has  []bool
	far  map[uint64]uint64
	// sets counts the entries ever set: the slice may grow to a few
	// times that.
	sets int
}

func newIDMap(size int) *idMap {
	return &idMap{vals: make([]uint64, 0, size+1), has: make([]bool, 0, size+1)}
}

// get on a nil idMap (a kind nothing was placed of) finds nothing.
func (t *idMap) get(k uint64) (uint64, bool) {
	if t == nil {
		return 0, false
	}
	if k < uint64(len(t.vals)) && t.has[k] {
		return t.vals[k], true
	}
	v, ok := t.far[k]
	return v, ok
}

func (t *idMap) contains(k uint64) bool {
	_, ok := t.get(k)
	return ok
}

func (t *idMap) set(k, v uint64) {
	t.sets++
	if limit := 4*uint64(t.sets) + 4096; k >= uint64(len(t.vals)) && k < limit {
		n := int(min(max(k+1, 2*uint64(len(t.vals))), limit))
		t.vals = append(t.vals, make([]uint64, n-len(t.vals))...)
		t.has = append(t.has, make([]bool, n-len(t.has))...)
	}
	if k < uint64(len(t.vals)) {
		// An entry set before the slice reached k moves into it.
		delete(t.far, k)
		t.vals[k], t.has[k] = v, true
		return
	}
	if t.far == nil {
		t.far = map[uint64]uint64{}
	}
	t.far[k] = v
}

func (t *idMap) remove(k uint64) {
	if k < uint64(len(t.has)) {
		t.has[k] = false
	}
	delete(t.far, k)
}
