package control

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"time"
)

// The channel on Windows: a TCP listener on 127.0.0.1 at a port the system
// picks, and beside the database a file holding its address and a random
// 256-bit token, which only the user can read (writePrivate). A request
// without the token is refused, so another user of the computer, who can
// reach the port but not the file, cannot ask for anything. Compiled on
// every system so that its tests run everywhere.

type endpoint struct {
	Addr  string `json:"addr"`
	Token string `json:"token"`
}

func listenTCP(path string) (net.Listener, string, error) {
	secret := make([]byte, 32)
	if _, err := rand.Read(secret); err != nil {
		return nil, "", err
	}
	token := hex.EncodeToString(secret)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, "", err
	}
	data, err := json.Marshal(endpoint{Addr: ln.Addr().String(), Token: token})
	if err == nil {
		err = writePrivate(path, data)
	}
	if err != nil {
		ln.Close()
		return nil, "", err
	}
	return ln, token, nil
}

func dialTCP(path string) (net.Conn, string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, "", err
	}
	var ep endpoint
	if err := json.Unmarshal(data, &ep); err != nil {
		return nil, "", err
	}
	// The token goes to a loopback address only.
	host, _, err := net.SplitHostPort(ep.Addr)
	if ip := net.ParseIP(host); err != nil || ip == nil || !ip.IsLoopback() {
		return nil, "", fmt.Errorf("%s: not a loopback address: %q", path, ep.Addr)
	}
	conn, err := net.DialTimeout("tcp", ep.Addr, 2*time.Second)
	return conn, ep.Token, err
}
