package apptest

import (
	"archive/zip"
	"bytes"
	"hash/crc32"
	"slices"
	"testing"
)

// RewriteZip copies a zip, letting edit change, drop (nil) or add entries
// by name. An entry named in lie is stored with that uncompressed size
// (and the CRC of that many bytes) instead of its own: a zip whose
// directory lies about an entry.
func RewriteZip(t testing.TB, data []byte, edit func(files map[string][]byte), lie map[string]uint64) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	files, order := map[string][]byte{}, []string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		buf.ReadFrom(rc)
		rc.Close()
		files[f.Name], order = buf.Bytes(), append(order, f.Name)
	}
	edit(files)
	for name := range files {
		if !slices.Contains(order, name) {
			order = append(order, name)
		}
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, name := range order {
		content := files[name]
		if content == nil {
			continue
		}
		if size, ok := lie[name]; ok {
			w, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Store, CRC32: crc32.ChecksumIEEE(content[:size]),
				CompressedSize64: uint64(len(content)), UncompressedSize64: size})
			if err != nil {
				t.Fatal(err)
			}
			w.Write(content)
			continue
		}
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(content)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}
