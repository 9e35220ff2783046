package org.camelmindee.ocr;

import org.apache.camel.spi.Metadata;

/** The headers the component reads and writes. */
public final class MindeeOcrConstants {

    @Metadata(label = "producer", description = "The operation to perform, overriding the endpoint's for this exchange.",
              javaType = "org.camelmindee.ocr.MindeeOcrOperation")
    public static final String OPERATION = "CamelMindeeOcrOperation";
    @Metadata(label = "producer", description = "The model to run, overriding the endpoint's `modelId` for this exchange.",
              javaType = "String")
    public static final String MODEL_ID = "CamelMindeeOcrModelId";
    @Metadata(description = "In: the file name sent to Mindee, overriding `CamelFileName`, the S3 key and the endpoint's"
                            + " `filename`. Out: the file name as Mindee recorded it.",
              javaType = "String")
    public static final String FILENAME = "CamelMindeeOcrFilename";
    @Metadata(description = "In: a free-text tag Mindee echoes back in the job and the result, overriding the endpoint's"
                            + " `alias`. Out: the alias as Mindee echoed it.",
              javaType = "String")
    public static final String ALIAS = "CamelMindeeOcrAlias";
    @Metadata(description = "In (getJob): the job to read; getResult reads it when InferenceId is not set. Out: the id"
                            + " of the job that made the result.",
              javaType = "String")
    public static final String JOB_ID = "CamelMindeeOcrJobId";
    @Metadata(description = "In (getResult): the inference to read (or the job's id: Mindee answers for either)."
                            + " Out: the id of the inference (the result).",
              javaType = "String")
    public static final String INFERENCE_ID = "CamelMindeeOcrInferenceId";
    @Metadata(label = "producer", description = "The job's status: `Processing`, `Processed` or `Failed`.",
              javaType = "String")
    public static final String JOB_STATUS = "CamelMindeeOcrJobStatus";
    @Metadata(description = "The number of pages Mindee read.", javaType = "Integer")
    public static final String PAGE_COUNT = "CamelMindeeOcrPageCount";
    @Metadata(description = "The document type Mindee detected, e.g. `application/pdf`.", javaType = "String")
    public static final String MIME_TYPE = "CamelMindeeOcrMimeType";

    /** Where Camel's file, FTP and SFTP consumers put the file name. */
    public static final String CAMEL_FILE_NAME = "CamelFileName";
    /** Where camel-aws2-s3 puts the object key. */
    public static final String S3_KEY = "CamelAwsS3Key";

    private MindeeOcrConstants() {
    }
}
