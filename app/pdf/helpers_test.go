package pdf

import "testing"

func newRenderer(t testing.TB) *Renderer {
	t.Helper()
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func (r *Renderer) mustSubset(t testing.TB, texts ...string) []byte {
	t.Helper()
	font, err := r.subset(texts)
	if err != nil {
		t.Fatal(err)
	}
	return font
}
