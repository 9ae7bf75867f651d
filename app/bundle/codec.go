package bundle

import (
	"bytes"
	"crypto/ed25519"
	"io"
	"os"
	"path/filepath"
	"strconv"

	"acedesk/app"
)

// Codec is app.BundleCodec.
type Codec struct{}

// Write writes lines as a bundle signed with key.
func (Codec) Write(w io.Writer, m *app.BundleManifest, lines app.BundleLines, key ed25519.PrivateKey) error {
	return WriteBundle(w, m, lines, key)
}

// Read checks a bundle's manifest and signature; its data is read by Load.
func (Codec) Read(r io.ReaderAt, size int64, name string) (*app.Bundle, error) {
	return OpenBundle(r, size, name)
}

// Open reads the bundle file at path and checks it as Read does; errors
// name the file by its base name. The file is read whole: Load and the
// background check of the audit outlive this call.
func (Codec) Open(path string) (*app.Bundle, error) {
	name := filepath.Base(path)
	f, err := os.Open(path)
	if err != nil {
		return nil, app.Errorf(app.CodeInvalid, "file_read", "cannot read %s: %v", name, err).WithParams("file", name)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.Size() > MaxBundleBytes {
		return nil, RefuseBundle(name, name, BundleTooLarge, "larger than "+strconv.Itoa(MaxBundleBytes)+" bytes")
	}
	data := make([]byte, st.Size())
	if _, err := io.ReadFull(f, data); err != nil {
		return nil, app.Errorf(app.CodeInvalid, "file_read", "cannot read %s: %v", name, err).WithParams("file", name)
	}
	return OpenBundle(bytes.NewReader(data), st.Size(), name)
}
