// Strings of the site photos of monthly reports (现场照片), kept apart like the other areas' dictionaries.
import { useI18n, type Lang } from './i18n';

const zh = {
  'photos.title': '现场照片',
  'photos.count': '{n}/{max}',
  'photos.add': '添加照片',
  'photos.hint': '最多 {max} 张，每张不超过 {mb} MB（JPEG、PNG、WebP）；点击缩略图查看大图',
  'photos.afterDraft': '保存草稿后即可添加现场照片。',
  'photos.saveDraftFirst': '保存草稿并添加照片',
  'photos.empty': '无现场照片',
  'photos.loading': '正在加载照片…',
  'photos.uploading': '上传中…',
  'photos.captionTitle': '添加照片',
  'photos.captionTitleOf': '添加照片（{i}/{n}）',
  'photos.caption': '照片说明',
  'photos.captionPlaceholder': '如：主体结构三层浇筑完成（可不填）',
  'photos.upload': '上传',
  'photos.skip': '不上传这张',
  'photos.uploaded': '照片已上传',
  'photos.deleted': '照片已删除',
  'photos.delete': '删除照片',
  'photos.deleteConfirm': '删除这张照片？',
  'photos.tooLarge': '“{name}”超过 {mb} MB，请压缩后再上传',
  'photos.full': '每份月报最多 {max} 张照片',
  'photos.by': '{name} 上传于 {time}',
};

export type PhotoMessageKey = keyof typeof zh;

const en: Record<PhotoMessageKey, string> = {
  'photos.title': 'Site photos',
  'photos.count': '{n}/{max}',
  'photos.add': 'Add photo',
  'photos.hint': 'Up to {max} photos of at most {mb} MB each (JPEG, PNG, WebP); click a thumbnail to enlarge it',
  'photos.afterDraft': 'Save the draft to add site photos.',
  'photos.saveDraftFirst': 'Save draft and add photos',
  'photos.empty': 'No site photos',
  'photos.loading': 'Loading photos…',
  'photos.uploading': 'Uploading…',
  'photos.captionTitle': 'Add a photo',
  'photos.captionTitleOf': 'Add a photo ({i} of {n})',
  'photos.caption': 'Caption',
  'photos.captionPlaceholder': 'e.g. third-floor slab poured (optional)',
  'photos.upload': 'Upload',
  'photos.skip': 'Skip this one',
  'photos.uploaded': 'Photo uploaded',
  'photos.deleted': 'Photo deleted',
  'photos.delete': 'Delete photo',
  'photos.deleteConfirm': 'Delete this photo?',
  'photos.tooLarge': '"{name}" is larger than {mb} MB; make it smaller and try again',
  'photos.full': 'A report takes at most {max} photos',
  'photos.by': 'Uploaded by {name} on {time}',
};

const dictionaries: Record<Lang, Record<PhotoMessageKey, string>> = { 'zh-CN': zh, en };

/** The photo strings in the current language. */
export function usePhotosI18n() {
  const { lang } = useI18n();
  return (key: PhotoMessageKey, vars?: Record<string, string | number>) => {
    const text = dictionaries[lang][key] ?? zh[key];
    return vars
      ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole))
      : text;
  };
}
