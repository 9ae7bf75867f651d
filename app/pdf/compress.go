package pdf

import (
	"bytes"
	"cmp"
	"io"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/klauspost/compress/zlib"
)

// gofpdf makes a new compressor (about a megabyte) for every stream it
// compresses; documents here are drawn uncompressed and their streams
// compressed afterwards by compressors kept for reuse. BestSpeed is the
// level gofpdf uses; klauspost's compressor does it in about half the
// time of the standard library's, which matters for the font each
// one-page file carries.
var zlibWriters = sync.Pool{New: func() any {
	w, _ := zlib.NewWriterLevel(io.Discard, zlib.BestSpeed)
	return w
}}

func deflate(data []byte) []byte {
	var buf bytes.Buffer
	buf.Grow(len(data)/3 + 64)
	w := zlibWriters.Get().(*zlib.Writer)
	w.Reset(&buf)
	// Writing to a bytes.Buffer cannot fail.
	_, _ = w.Write(data)
	_ = w.Close()
	zlibWriters.Put(w)
	return buf.Bytes()
}

func inflate(data []byte) ([]byte, error) {
	r, err := zlib.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(r)
}

// compressObject compresses o's stream unless it already has a filter.
func compressObject(o *pdfObject) error {
	if o.stream == nil {
		return nil
	}
	if f, err := dictValue(o.dict, "Filter"); err != nil || f != nil {
		return err
	}
	z := deflate(o.stream)
	d, err := dictSet(o.dict, "Length", strconv.Itoa(len(z)))
	if err == nil {
		d, err = dictSet(d, "Filter", "/FlateDecode")
	}
	if err != nil {
		return err
	}
	o.dict, o.stream = d, z
	return nil
}

// compressAll compresses the streams of objs on all cores.
func compressAll(objs []pdfObject) error {
	var next atomic.Int64
	var mu sync.Mutex
	var first error
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(objs)) {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= len(objs) {
					return
				}
				if err := compressObject(&objs[i]); err != nil {
					mu.Lock()
					first = cmp.Or(first, err)
					mu.Unlock()
					return
				}
			}
		})
	}
	wg.Wait()
	return first
}
