package com.forum.localservices;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * nginx (Debian's {@code nginx-light}) as the load balancer in front of app nodes on loopback, with a
 * configuration of its own in a folder of its own (its pid, logs and temporary files there too), for
 * {@code ./forum start --nodes N} and {@code ./forum bench --nodes N}.
 * <p>
 * Each listening port passes to its own group of app ports. Passive health: a node that fails 3 times is
 * left out for 10 s. A request is passed to the next node on a connection error, a timeout, 502 or 503 (a
 * node shutting down answers 503), but never when it is not idempotent (POST, PATCH) and has already been
 * sent: nginx does not retry those unless told to ({@code non_idempotent}), since the first node may have
 * acted on it.
 */
public final class LocalNginx {

	private LocalNginx() {
	}

	/** Writes {@code nginx.conf} in {@code dir}: for each listening port, the app ports it balances over. */
	public static Path configure(Path dir, Map<Integer, List<Integer>> upstreams) throws IOException {
		Files.createDirectories(dir.resolve("logs"));
		Files.createDirectories(dir.resolve("temp"));
		StringBuilder servers = new StringBuilder();
		for (Map.Entry<Integer, List<Integer>> group : upstreams.entrySet()) {
			StringBuilder members = new StringBuilder();
			for (int app : group.getValue()) {
				members.append("\t\tserver 127.0.0.1:").append(app).append(" max_fails=3 fail_timeout=10s;\n");
			}
			servers.append("""
						upstream forum%1$d {
					%2$s		keepalive 64;
						}
						server {
							listen 127.0.0.1:%1$d;
							location / {
								proxy_pass http://forum%1$d;
								proxy_http_version 1.1;
								proxy_set_header Connection "";
								proxy_set_header Host $http_host;
								proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
								proxy_set_header X-Forwarded-Proto $scheme;
								proxy_set_header X-Forwarded-Host $host;
								proxy_set_header X-Forwarded-Port $server_port;
								proxy_connect_timeout 2s;
								proxy_read_timeout 60s;
								proxy_next_upstream error timeout http_502 http_503;
								proxy_next_upstream_tries 3;
							}
						}
					""".formatted(group.getKey(), members));
		}
		Path config = dir.resolve("nginx.conf");
		Files.writeString(config, """
				# Written by com.forum.localservices.LocalNginx on every start; edits are overwritten.
				daemon off;
				worker_processes 2;
				pid %1$s/nginx.pid;
				error_log %1$s/logs/error.log warn;
				events {
					worker_connections 4096;
				}
				http {
					access_log %1$s/logs/access.log;
					client_body_temp_path %1$s/temp/body;
					proxy_temp_path %1$s/temp/proxy;
					fastcgi_temp_path %1$s/temp/fastcgi;
					uwsgi_temp_path %1$s/temp/uwsgi;
					scgi_temp_path %1$s/temp/scgi;
					client_max_body_size 8m;
				%2$s}
				""".formatted(dir, servers));
		return config;
	}

	/** The command that runs nginx in the foreground on the configuration {@link #configure} wrote. */
	public static List<String> command(Path dir) {
		return List.of(binary(), "-c", dir.resolve("nginx.conf").toString(), "-p", dir.toString(), "-e",
				dir.resolve("logs/error.log").toString());
	}

	public static Path errorLog(Path dir) {
		return dir.resolve("logs/error.log");
	}

	private static String binary() {
		for (String candidate : List.of("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx")) {
			if (Files.isExecutable(Path.of(candidate))) {
				return candidate;
			}
		}
		return "nginx";
	}
}
