//go:build !windows

package control

import (
	"net"
	"os"
	"time"
)

// listen and dial use a unix socket that only the user can open.
var (
	listen = listenUnix
	dial   = dialUnix
)

func listenUnix(path string) (net.Listener, string, error) {
	ln, err := net.Listen("unix", path)
	if err != nil {
		return nil, "", err
	}
	if err := os.Chmod(path, 0o600); err != nil {
		ln.Close()
		return nil, "", err
	}
	return ln, "", nil
}

func dialUnix(path string) (net.Conn, string, error) {
	conn, err := net.DialTimeout("unix", path, 2*time.Second)
	return conn, "", err
}
