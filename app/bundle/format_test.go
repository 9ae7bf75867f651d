package bundle_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"acedesk/app"
	"acedesk/app/bundle"
	"acedesk/app/bundle/bundletest"
)

func TestReadBundleRefusesDamagedFilesWithTheReason(t *testing.T) {
	good := bundletest.Sample(t)
	resign := bundletest.Resigner(t)
	type manifest = map[string]any
	editManifest := func(fn func(m manifest)) func(map[string][]byte) {
		return func(files map[string][]byte) {
			var m manifest
			json.Unmarshal(files[bundle.BundleManifestFile], &m)
			fn(m)
			resign(files, m)
		}
	}
	replaceFile := func(name, content string) func(map[string][]byte) {
		return func(files map[string][]byte) {
			files[name] = []byte(content)
			editManifest(func(m manifest) {
				m["files"].(map[string]any)[name] = map[string]any{"rows": float64(bytes.Count([]byte(content), []byte("\n"))), "sha256": bundletest.SHA(content)}
			})(files)
		}
	}
	for _, tc := range []struct {
		name   string
		data   []byte
		reason string
		file   string
	}{
		{"truncated", good[:len(good)*2/3], "bundle_truncated", "sample.acebundle"},
		{"edited data file", bundletest.Rewrite(t, good, func(f map[string][]byte) {
			f["members.jsonl"] = bytes.Replace(f["members.jsonl"], []byte("欧阳喆"), []byte("欧阳哲"), 1)
		}), "bundle_hash_mismatch", "members.jsonl"},
		{"edited manifest", bundletest.Rewrite(t, good, func(f map[string][]byte) {
			f[bundle.BundleManifestFile] = bytes.Replace(f[bundle.BundleManifestFile], []byte(`"rows": 2`), []byte(`"rows": 3`), 1)
		}), "bundle_bad_signature", bundle.BundleSignatureFile},
		{"signature of another key", bundletest.Rewrite(t, good, func(f map[string][]byte) { f[bundle.BundleSignatureFile][0] ^= 1 }), "bundle_bad_signature", bundle.BundleSignatureFile},
		{"unknown version", bundletest.Rewrite(t, good, editManifest(func(m manifest) { m["version"] = 4 })), "bundle_unknown_version", bundle.BundleManifestFile},
		{"version 0", bundletest.Rewrite(t, good, editManifest(func(m manifest) { m["version"] = 0 })), "bundle_unknown_version", bundle.BundleManifestFile},
		{"version 1 with deletions", bundletest.Rewrite(t, good, editManifest(func(m manifest) { m["version"] = 1 })), "bundle_unexpected_file", "deletions.jsonl"},
		{"deletion of an unknown kind", bundletest.Rewrite(t, good, replaceFile("deletions.jsonl", "{\"entity\":\"certificate\",\"id\":1}\n")), "bundle_bad_encoding", "deletions.jsonl"},
		{"another format", bundletest.Rewrite(t, good, editManifest(func(m manifest) { m["format"] = "zip" })), "bundle_unknown_format", bundle.BundleManifestFile},
		{"GBK text", bundletest.Rewrite(t, good, replaceFile("members.jsonl", "{\"id\":1,\"name\":\"\xc5\xb7\xd1\xf4\"}\n")), "bundle_bad_encoding", "members.jsonl"},
		{"not JSON", bundletest.Rewrite(t, good, replaceFile("events.jsonl", "{\"id\":1,\n")), "bundle_bad_encoding", "events.jsonl"},
		{"edited audit", bundletest.Rewrite(t, good, func(f map[string][]byte) {
			f["audit.jsonl"] = bytes.Replace(f["audit.jsonl"], []byte(`"create"`), []byte(`"delete"`), 1)
		}), "bundle_hash_mismatch", "audit.jsonl"},
		{"audit not JSON", bundletest.Rewrite(t, good, replaceFile("audit.jsonl", "{\"id\":1,\"action\":\n")), "bundle_bad_encoding", "audit.jsonl"},
		{"no final newline", bundletest.Rewrite(t, good, replaceFile("events.jsonl", "{\"id\":1}\n{\"id\":2}")), "bundle_bad_encoding", "events.jsonl"},
		{"duplicate id", bundletest.Rewrite(t, good, replaceFile("contributions.jsonl", "{\"id\":7}\n{\"id\":7}\n")), "bundle_duplicate_id", "contributions.jsonl"},
		{"missing data file", bundletest.Rewrite(t, good, func(f map[string][]byte) { f["trophies.jsonl"] = nil }), "bundle_missing_file", "trophies.jsonl"},
		{"missing signature", bundletest.Rewrite(t, good, func(f map[string][]byte) { f[bundle.BundleSignatureFile] = nil }), "bundle_missing_file", bundle.BundleSignatureFile},
		{"extra file", bundletest.Rewrite(t, good, func(f map[string][]byte) { f["evil.sh"] = []byte("rm -rf /") }), "bundle_unexpected_file", "evil.sh"},
		{"rows miscounted", bundletest.Rewrite(t, good, editManifest(func(m manifest) {
			m["files"].(map[string]any)["members.jsonl"].(map[string]any)["rows"] = 5
		})), "bundle_row_count", "members.jsonl"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := bundle.ReadBundle(bytes.NewReader(tc.data), int64(len(tc.data)), "sample.acebundle")
			e := app.AsError(err)
			if e == nil || e.Reason != tc.reason || e.Params["file"] != tc.file || e.Params["bundle"] != "sample.acebundle" {
				t.Fatalf("ReadBundle = %v (%+v), want %s naming %s", err, e, tc.reason, tc.file)
			}
			// The message, which the command line prints, names each once.
			if strings.Count(e.Message, "sample.acebundle") != 1 || strings.Count(e.Message, tc.file) != 1 {
				t.Errorf("message %q names the bundle or %s more than once", e.Message, tc.file)
			}
		})
	}
	if _, err := bundle.ReadBundle(bytes.NewReader(good), int64(len(good)), "sample.acebundle"); err != nil {
		t.Errorf("the unedited bundle: %v", err)
	}
}
