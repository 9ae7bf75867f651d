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

func (r *Renderer) mustSubset(t testing.TB, texts ...string) *subset {
	t.Helper()
	font, err := r.subset(texts)
	if err != nil {
		t.Fatal(err)
	}
	return font
}

// separate returns the one-page PDFs EachCertificate makes of certs.
func (r *Renderer) separate(t testing.TB, certs []Certificate, st Style) [][]byte {
	t.Helper()
	var files [][]byte
	err := r.EachCertificate(t.Context(), certs, st, nil, func(i int, pdf []byte) error {
		files = append(files, pdf)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}
