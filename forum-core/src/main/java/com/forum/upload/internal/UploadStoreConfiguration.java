package com.forum.upload.internal;

import java.nio.file.Path;

import com.forum.upload.UploadProperties;
import com.forum.upload.UploadStore;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The store {@code forum.uploads.storage.kind} names. */
@Configuration(proxyBeanMethods = false)
class UploadStoreConfiguration {

	@Bean
	UploadStore uploadStore(UploadProperties properties) {
		UploadProperties.Storage storage = properties.storage();
		return switch (storage.kind()) {
			case LOCAL -> new LocalUploadStore(Path.of(storage.directory()));
			case S3 -> new S3UploadStore(storage.s3());
		};
	}
}
