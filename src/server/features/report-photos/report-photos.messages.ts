/** Messages of report photos, with {name} the file's name as the uploader's device gave it. Installed into the one message table by the feature index. */
export const PHOTO_MESSAGES = {
  PHOTO_NOT_MULTIPART: {
    'zh-CN': '照片须以表单文件上传（multipart/form-data，字段 file）',
    en: 'Upload the photo as a form file (multipart/form-data, field "file")',
  },
  PHOTO_NO_FILE: { 'zh-CN': '请选择要上传的照片', en: 'Choose a photo to upload' },
  PHOTO_ONE_FILE: { 'zh-CN': '一次只能上传一张照片', en: 'Upload one photo at a time' },
  PHOTO_FORM: {
    'zh-CN': '上传内容只能包含照片（file）和说明（caption）',
    en: 'The upload may contain only the photo ("file") and its caption ("caption")',
  },
  PHOTO_INTERRUPTED: {
    'zh-CN': '上传中断或内容不完整，请重试',
    en: 'The upload was interrupted or incomplete; please try again',
  },
  PHOTO_TOO_LARGE: {
    'zh-CN': '“{name}”超过 {mb} MB，请压缩后再上传',
    en: '"{name}" is larger than {mb} MB; make it smaller and try again',
  },
  PHOTO_NOT_IMAGE: {
    'zh-CN': '“{name}”不是可识别的图片，或文件已损坏；请上传 JPEG、PNG 或 WebP 照片',
    en: '"{name}" is not a readable picture or is damaged; upload a JPEG, PNG or WebP photo',
  },
  PHOTO_FORMAT: {
    'zh-CN': '“{name}”是 {format} 格式，请上传 JPEG、PNG 或 WebP 照片',
    en: '"{name}" is a {format} file; upload a JPEG, PNG or WebP photo',
  },
  PHOTO_HEIC: {
    'zh-CN':
      '“{name}”是 HEIC 格式（苹果手机默认格式），本系统暂不能读取；请在手机“设置 → 相机 → 格式”中选择“兼容性最佳”，或将照片转为 JPEG 后上传',
    en: '"{name}" is HEIC (the iPhone default), which this server cannot read; choose Settings → Camera → Formats → Most Compatible, or convert the photo to JPEG',
  },
  PHOTO_TOO_MANY_PIXELS: {
    'zh-CN': '“{name}”超过 {mp} 百万像素，请缩小后再上传',
    en: '"{name}" has more than {mp} megapixels; make it smaller and try again',
  },
  PHOTO_LIMIT: { 'zh-CN': '每份月报最多 {max} 张照片', en: 'A report takes at most {max} photos' },
} as const;
