// The godo side of benches/sdks/run.sh: one task per process, timed around the work only;
// prints {"n": .., "seconds": ..}. Built in GOPATH mode against Debian's godo:
//
//	GO111MODULE=off GOPATH=/usr/share/gocode go build -o godo-bench main.go
//
// Usage: godo-bench list URL [PER_PAGE] | godo-bench get URL [CALLS]
package main

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/digitalocean/godo"
)

func main() {
	task, url := os.Args[1], os.Args[2]
	number := 0
	if len(os.Args) > 3 {
		number, _ = strconv.Atoi(os.Args[3])
	}
	client := godo.NewFromToken("bench-token")
	if err := godo.SetBaseURL(url + "/")(client); err != nil {
		panic(err)
	}
	ctx := context.Background()
	start := time.Now()
	n := 0
	switch task {
	case "list":
		// godo has no iterator: the loop its README shows.
		opt := &godo.ListOptions{PerPage: number}
		for {
			images, resp, err := client.Images.List(ctx, opt)
			if err != nil {
				panic(err)
			}
			n += len(images)
			if resp.Links == nil || resp.Links.IsLastPage() {
				break
			}
			page, err := resp.Links.CurrentPage()
			if err != nil {
				panic(err)
			}
			opt.Page = page + 1
		}
	case "get":
		if number == 0 {
			number = 1000
		}
		for i := 0; i < number; i++ {
			if _, _, err := client.Images.GetByID(ctx, 100000000+i); err != nil {
				panic(err)
			}
			n++
		}
	default:
		panic("unknown task " + task)
	}
	fmt.Printf("{\"n\":%d,\"seconds\":%f}\n", n, time.Since(start).Seconds())
}
