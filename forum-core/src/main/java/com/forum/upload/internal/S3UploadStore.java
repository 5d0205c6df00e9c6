package com.forum.upload.internal;

import java.net.URI;
import java.util.Optional;

import com.forum.upload.UploadProperties;
import com.forum.upload.UploadStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Uploads kept as objects of an S3 bucket: AWS itself or any service speaking its protocol (MinIO,
 * Ceph, S3Proxy), addressed by endpoint, with path-style addressing where the service needs it.
 */
public class S3UploadStore implements UploadStore, AutoCloseable {

	private final S3Client client;

	private final String bucket;

	public S3UploadStore(UploadProperties.S3 properties) {
		this.bucket = properties.bucket();
		S3ClientBuilder builder = S3Client.builder()
			.httpClientBuilder(UrlConnectionHttpClient.builder())
			.region(Region.of(properties.region()))
			.credentialsProvider(credentials(properties))
			.forcePathStyle(properties.pathStyleAccess())
			// checksums only where the operation demands them: not every S3-compatible service
			// understands the trailing checksums the SDK would otherwise send with every upload
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
		if (!properties.endpoint().isBlank()) {
			builder.endpointOverride(URI.create(properties.endpoint()));
		}
		this.client = builder.build();
	}

	private static AwsCredentialsProvider credentials(UploadProperties.S3 properties) {
		if (properties.accessKey().isBlank()) {
			return DefaultCredentialsProvider.builder().build();
		}
		return StaticCredentialsProvider.create(AwsBasicCredentials.create(properties.accessKey(), properties.secretKey()));
	}

	@Override
	public void put(String key, byte[] bytes, String contentType) {
		client.putObject(request -> request.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(bytes));
	}

	@Override
	public Optional<StoredFile> get(String key) {
		try {
			ResponseBytes<GetObjectResponse> object = client.getObjectAsBytes(request -> request.bucket(bucket).key(key));
			return Optional.of(new StoredFile(object.asByteArray(), object.response().contentType()));
		}
		catch (NoSuchKeyException ex) {
			return Optional.empty();
		}
	}

	@Override
	public void delete(String key) {
		client.deleteObject(request -> request.bucket(bucket).key(key));
	}

	@Override
	public void close() {
		client.close();
	}
}
